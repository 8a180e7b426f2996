package dev.sluice.builder.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.testkit.MockApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The builder in a real headless Chromium: what an author does, click by click. One browser for the class. */
class BuilderBrowserTest {

    private static final String MANIFEST = """
            # The items connector: a comment the builder keeps.
            version: "6.44.0"
            type: DeclarativeSource

            definitions:
              requester: &requester   # shared by every stream
                type: HttpRequester
                url_base: "{{ config['base_url'] }}"
                http_method: GET
                request_headers:
                  X-Api-Key: "{{ config['api_key'] }}"

            check:
              type: CheckStream
              stream_names: [items]

            streams:
              - type: DeclarativeStream
                name: items
                primary_key: id
                retriever:
                  type: SimpleRetriever
                  requester:
                    <<: *requester
                    path: /items
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                    pagination_strategy:
                      type: CursorPagination
                      cursor_value: "{{ response.next_page }}"
                      stop_condition: "{{ response.next_page is none }}"
                schema_loader:
                  type: InlineSchemaLoader
                  schema:
                    type: object
                    properties:
                      id: {type: integer}

            spec:
              type: Spec
              connection_specification:
                type: object
                required: [base_url, api_key]
                properties:
                  base_url: {type: string, title: Base URL, order: 0}
                  api_key: {type: string, title: API key, airbyte_secret: true, order: 1}
            """;

    @RegisterExtension
    static final MockApi API = new MockApi();

    private static ChromeDriver browser;

    @TempDir
    Path folder;

    private BuilderServer server;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private Path open(String manifest) throws Exception {
        Path file = folder.resolve("manifest.yaml");
        Files.writeString(file, manifest);
        server = BuilderServer.start(new BuilderOptions(file, null, 0, getClass().getClassLoader()));
        browser.get(server.url().toString());
        waitUntil(() -> Boolean.TRUE.equals(script("return window.sluiceBuilder && window.sluiceBuilder.ready")));
        return file;
    }

    @Test
    void editTestTakeTheInferredSchemaAndSave() throws Exception {
        API.reset();
        API.on("GET", "/items", request -> {
            String page = request.getUrl().queryParameter("page");
            return MockApi.json("2".equals(page)
                    ? "{\"data\": [{\"id\": 3, \"name\": \"gamma\", \"price\": 2.5}], \"next_page\": null}"
                    : "{\"data\": [{\"id\": 1, \"name\": \"alpha\", \"price\": 1}, {\"id\": 2, \"name\": \"beta\","
                            + " \"price\": 1.5}], \"next_page\": 2}");
        });
        Path file = open(MANIFEST);
        assertThat(editorText()).isEqualTo(MANIFEST);
        assertThat(find("conflict").isDisplayed()).isFalse();
        waitUntil(() -> new Select(find("stream")).getOptions().size() == 1);

        // Break the manifest by typing into the editor: the error shows at its line, in the gutter and the list.
        int line = lineOf("type: SimpleRetriever");
        script("var cm = window.sluiceBuilder.editor; cm.focus(); cm.setCursor({line: arguments[0], ch: 1000});",
                line - 1);
        browser.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys("x");
        waitUntil(() -> errorMarkerAt(line));
        WebElement problem = browser.findElement(By.cssSelector("#problems li.error"));
        assertThat(problem.getAttribute("data-line")).isEqualTo(String.valueOf(line));
        assertThat(problem.getText()).contains("SimpleRetrieverx");

        // Fix it: the error goes away.
        browser.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(Keys.BACK_SPACE);
        waitUntil(() -> browser.findElements(By.cssSelector("#problems li")).isEmpty() && !errorMarkerAt(line));
        assertThat(editorText()).isEqualTo(MANIFEST);

        // The config form comes from spec.connection_specification; the secret is a password field.
        assertThat(find("config-api_key").getAttribute("type")).isEqualTo("password");
        find("config-base_url").sendKeys(API.url());
        find("config-api_key").sendKeys("k-123");

        // Test: two pages of one slice, their requests and responses, the records as a table.
        find("test").click();
        waitUntil(() -> browser.findElements(By.cssSelector("#results .page")).size() == 2);
        List<WebElement> pages = browser.findElements(By.cssSelector("#results .page"));
        assertThat(pages.get(0).findElement(By.tagName("summary")).getText()).contains("2 record(s)");
        assertThat(pages.get(0).findElement(By.cssSelector(".request pre")).getText())
                .contains("GET " + API.url() + "/items");
        assertThat(pages.get(0).findElement(By.cssSelector(".response h4")).getText()).isEqualTo("Response 200");
        assertThat(pages.get(0).findElement(By.cssSelector(".response pre")).getText())
                .contains("\"next_page\": 2");
        List<WebElement> cells = pages.get(0).findElements(By.cssSelector("table.records td"));
        assertThat(cells.stream().map(WebElement::getText)).containsExactly("1", "alpha", "1", "2", "beta", "1.5");
        assertThat(API.requests().stream().filter(request -> request.path().equals("/items"))
                .map(request -> request.header("X-Api-Key"))).containsExactly("k-123", "k-123");

        // The inferred schema beside the declared one, with the differences; take it into the editor and save.
        waitUntil(() -> find("schema-panel").isDisplayed());
        assertThat(find("schema-diff").getText()).contains("+ name", "+ price");
        script("document.querySelector('.side-pane').scrollTop = 0;");
        writeScreenshot();
        find("take-schema").click();
        waitUntil(() -> editorText().contains("InlineSchemaLoader") && editorText().contains("price"));
        find("save").click();
        waitUntil(() -> find("status").getText().startsWith("Saved"));

        String saved = Files.readString(file);
        assertThat(saved).isEqualTo(editorText());
        assertThat(saved).contains("# The items connector: a comment the builder keeps.",
                "requester: &requester   # shared by every stream", "<<: *requester");
        JsonNode properties = ManifestPipeline.fromYaml(saved).manifest().path("streams").get(0)
                .path("schema_loader").path("schema").path("properties");
        assertThat(properties.has("name")).isTrue();
        assertThat(properties.has("price")).isTrue();
        assertThat(Files.readString(folder.resolve("manifest.yaml.bak"))).isEqualTo(MANIFEST);
        assertThat(saved).doesNotContain("k-123");
    }

    @Test
    void aTestThatCannotStartShowsTheFailureTypeThePathAndTheLine() throws Exception {
        open(MANIFEST);
        waitUntil(() -> new Select(find("stream")).getOptions().size() == 1);
        script("var cm = window.sluiceBuilder.editor; cm.setValue(cm.getValue().replace('field_path: [data]', "
                + "'field_path: 7'));");
        int line = lineOf("extractor: {type: DpathExtractor");

        find("test").click();

        waitUntil(() -> find("error").isDisplayed());
        assertThat(find("error").getText()).startsWith("system_error: ").contains("streams[0].retriever.record_selector")
                .contains("line " + line);
        find("error").findElement(By.tagName("a")).click();
        assertThat(script("return window.sluiceBuilder.editor.getCursor().line;")).isEqualTo((long) (line - 1));
    }

    @Test
    void aFileChangedOnDiskIsReportedNotOverwritten() throws Exception {
        Path file = open(MANIFEST);
        String theirs = MANIFEST.replace("# The items connector", "# Someone else's edit");
        Files.writeString(file, theirs);

        script("window.sluiceBuilder.editor.replaceRange('# mine\\n', {line: 0, ch: 0});");
        find("save").click();

        waitUntil(() -> find("conflict").isDisplayed());
        assertThat(find("conflict-message").getText()).contains("changed on disk");
        assertThat(find("status").getText()).isEqualTo("Not saved");
        assertThat(Files.readString(file)).isEqualTo(theirs);
        find("reload").click();
        waitUntil(() -> editorText().equals(theirs) && !find("conflict").isDisplayed());
    }

    @Test
    void aPageOnAnotherOriginCannotDriveIt() throws Exception {
        Path file = open(MANIFEST);
        String target = server.url() + "api/save";
        API.on("GET", "/evil", request -> new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "text/html").body("<html><body><script>"
                        + "var body = JSON.stringify({text: 'pwned', version: 'x'});"
                        + "fetch('" + target + "', {method: 'POST', mode: 'no-cors', headers: {'Content-Type': "
                        + "'text/plain'}, body: body}).then(function () {"
                        + " return fetch('" + target + "', {method: 'POST', headers: {'Content-Type': "
                        + "'application/json'}, body: body}); })"
                        + ".then(function () { document.title = 'reached'; }, function () { document.title = 'blocked'; });"
                        + "</script></body></html>").build());

        browser.get(API.url() + "/evil");
        waitUntil(() -> List.of("reached", "blocked").contains(browser.getTitle()));

        assertThat(browser.getTitle()).isEqualTo("blocked");
        assertThat(Files.readString(file)).isEqualTo(MANIFEST);
    }

    private WebElement find(String id) {
        return browser.findElement(By.id(id));
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private String editorText() {
        return (String) script("return window.sluiceBuilder.editor.getValue();");
    }

    private static int lineOf(String text) {
        String[] lines = MANIFEST.split("\n");
        for (int index = 0; index < lines.length; index++) {
            if (lines[index].contains(text)) {
                return index + 1;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    private boolean errorMarkerAt(int line) {
        return Boolean.TRUE.equals(script("var info = window.sluiceBuilder.editor.lineInfo(arguments[0]);"
                + "var marker = info.gutterMarkers && info.gutterMarkers['CodeMirror-lint-markers'];"
                + "return !!marker && marker.className.indexOf('CodeMirror-lint-marker-error') >= 0;", line - 1));
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            // What the page showed when the wait gave up, for whoever reads the failure.
            try {
                Files.createDirectories(Path.of("target"));
                Files.write(Path.of("target", "builder-browser-failure.png"),
                        browser.getScreenshotAs(OutputType.BYTES));
            } catch (java.io.IOException | RuntimeException screenshot) {
                e.addSuppressed(screenshot);
            }
            throw e;
        }
    }

    /**
     * The README's picture of the builder, taken after a test read: into target/ on every run, and over the README's
     * image only when asked ({@code mvn test -Dsluice.updateScreenshot=true}), so a test run leaves the checkout clean.
     */
    private void writeScreenshot() throws Exception {
        byte[] picture = browser.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "connector-builder.png"), picture);
        Path images = Path.of("..", "docs", "images");
        if (Boolean.getBoolean("sluice.updateScreenshot") && Files.isDirectory(images.getParent())) {
            Files.createDirectories(images);
            Files.write(images.resolve("connector-builder.png"), picture);
        }
    }
}

package dev.sluice.builder.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.testkit.MockApi;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderServerTest {

    private static final String MANIFEST = """
            version: "6.44.0"
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [items]}
            streams:
              - type: DeclarativeStream
                name: items
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "http://127.0.0.1:1", path: /items}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
            spec:
              type: Spec
              connection_specification:
                type: object
                properties:
                  api_key: {type: string, airbyte_secret: true}
            """;

    @TempDir
    Path folder;

    private BuilderServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        Files.writeString(folder.resolve("manifest.yaml"), MANIFEST);
        server = BuilderServer.start(new BuilderOptions(folder.resolve("manifest.yaml"), null, 0,
                getClass().getClassLoader()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listensOnLoopbackUnderARandomToken() throws Exception {
        URI url = server.url();
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPath()).matches("/[0-9a-f]{36}/");

        assertThat(get(url).statusCode()).isEqualTo(200);
        assertThat(get(url).body()).contains("Sluice Connector Builder");
        assertThat(get(url.resolve("lib/codemirror/lib/codemirror.js")).body()).contains("CodeMirror");
        assertThat(get(url.resolve("lib/codemirror/mode/yaml/yaml.js")).statusCode()).isEqualTo(200);
        assertThat(get(URI.create("http://127.0.0.1:" + server.port() + "/")).statusCode()).isEqualTo(404);
        assertThat(get(URI.create("http://127.0.0.1:" + server.port() + "/0123456789abcdef0123/")).statusCode())
                .isEqualTo(404);
        assertThat(get(url.resolve("lib/codemirror/../../../../dev/sluice/builder/app/BuilderServer.class"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAnotherHostEvenWithTheToken() throws Exception {
        String path = server.url().getPath();

        assertThat(raw("GET " + path + " HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\n"))
                .startsWith("HTTP/1.1 403").contains("Host 'evil.example:");
        assertThat(raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"))
                .startsWith("HTTP/1.1 200");
        assertThat(raw("GET " + path + " HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\n"))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void refusesAnotherOrigin() throws Exception {
        String body = "{\"text\":\"a: b\"}";
        String request = "POST " + server.url().getPath() + "api/validate HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.port() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n";

        assertThat(raw(request + "Origin: https://evil.example\r\n", body)).startsWith("HTTP/1.1 403")
                .contains("Origin 'https://evil.example'");
        assertThat(raw(request + "Origin: http://127.0.0.1:" + server.port() + "\r\n", body))
                .startsWith("HTTP/1.1 200");
        // A form post (no CORS preflight) from anywhere is refused by its content type.
        assertThat(raw(request.replace("application/json", "text/plain"), body)).startsWith("HTTP/1.1 415");
    }

    @Test
    void validatesTheEditorsTextWithTheLinesOfItsProblems() throws Exception {
        JsonNode valid = post("validate", Json.object().put("text", MANIFEST)).body;
        assertThat(valid.path("problems")).isEmpty();

        String broken = MANIFEST.replace("type: SimpleRetriever", "type: SimpleRetreiver");
        JsonNode problems = post("validate", Json.object().put("text", broken)).body.path("problems");
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).path("severity").asText()).isEqualTo("error");
        assertThat(problems.get(0).path("line").asInt()).isEqualTo(8);
        assertThat(problems.get(0).path("message").asText()).contains("SimpleRetreiver");
    }

    @Test
    void aNewFileStartsFromAValidManifestAndIsCreatedOnSave() throws Exception {
        Path fresh = folder.resolve("new").resolve("manifest.yaml");
        try (BuilderServer other = BuilderServer.start(new BuilderOptions(fresh, null, 0, getClass().getClassLoader()))) {
            JsonNode manifest = post(other, "session", Json.object()).body.path("manifest");
            assertThat(manifest.path("version").asText()).isEqualTo(ManifestFile.ABSENT);
            String text = manifest.path("text").asText();
            assertThat(post(other, "validate", Json.object().put("text", text)).body.path("problems")).isEmpty();

            Reply saved = post(other, "save", Json.object().put("text", text).put("version", ManifestFile.ABSENT));

            assertThat(saved.status).isEqualTo(200);
            assertThat(Files.readString(fresh)).isEqualTo(text);
            assertThat(Files.exists(folder.resolve("new").resolve("manifest.yaml.bak"))).isFalse();
        }
    }

    @Test
    void outlinesTheStreamsAndTheConnectionSpecification() throws Exception {
        JsonNode outline = post("outline", Json.object().put("text", MANIFEST)).body;

        assertThat(outline.path("streams").get(0).path("name").asText()).isEqualTo("items");
        assertThat(outline.path("connection_specification").path("properties").path("api_key")
                .path("airbyte_secret").asBoolean()).isTrue();
    }

    @Test
    void savesWithABackupAndRefusesToOverwriteAFileChangedOnDisk() throws Exception {
        Path file = folder.resolve("manifest.yaml");
        String version = post("session", Json.object()).body.path("manifest").path("version").asText();
        String edited = MANIFEST.replace("name: items", "name: things");

        java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions =
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, permissions);
        Reply saved = post("save", Json.object().put("text", edited).put("version", version));
        assertThat(saved.status).isEqualTo(200);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(permissions);
        assertThat(Files.readString(file)).isEqualTo(edited);
        assertThat(Files.readString(folder.resolve("manifest.yaml.bak"))).isEqualTo(MANIFEST);
        String newVersion = saved.body.path("version").asText();

        Files.writeString(file, "# someone else's edit\n" + edited);
        Reply refused = post("save", Json.object().put("text", MANIFEST).put("version", newVersion));
        assertThat(refused.status).isEqualTo(409);
        assertThat(refused.body.path("conflict").asText()).contains("changed on disk");
        assertThat(Files.readString(file)).startsWith("# someone else's edit");
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(
                    "manifest.yaml", "manifest.yaml.bak");
        }
    }

    @Test
    void testReadsTheEditorsTextAgainstTheApi() throws Exception {
        try (MockApi api = new MockApi().start()) {
            api.on("GET", "/items").json("[{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"name\": \"b\"}]");
            String text = MANIFEST.replace("http://127.0.0.1:1", api.url());
            ObjectNode request = Json.object().put("text", text).put("stream", "items");
            request.set("config", Json.object().put("api_key", "s3cret"));
            request.set("limits", Json.object().put("max_records", 1));

            JsonNode read = post("test", request).body.path("read");

            assertThat(read.path("test_read_limit_reached").asBoolean()).isTrue();
            JsonNode page = read.path("slices").get(0).path("pages").get(0);
            assertThat(page.path("request").path("url").asText()).isEqualTo(api.url() + "/items");
            assertThat(page.path("response").path("status").asInt()).isEqualTo(200);
            assertThat(page.path("records")).hasSize(1);
            assertThat(read.path("inferred_schema").path("properties").has("name")).isTrue();
        }
        // Nothing of the read reached the file.
        assertThat(Files.readString(folder.resolve("manifest.yaml"))).isEqualTo(MANIFEST);
    }

    @Test
    void aReadThatCannotStartNamesTheFailureTypeAndTheYamlLine() throws Exception {
        String broken = MANIFEST.replace("field_path: []", "field_path: 7");
        ObjectNode request = Json.object().put("text", broken).put("stream", "items");

        JsonNode error = post("test", request).body.path("error");

        assertThat(error.path("failure_type").asText()).isEqualTo("system_error");
        assertThat(error.path("path").asText()).startsWith("streams[0].retriever.record_selector");
        assertThat(error.path("line").asInt()).as("the line of record_selector").isEqualTo(10);
        assertThat(error.path("message").asText()).contains("field_path");

        JsonNode unknown = post("test", Json.object().put("text", MANIFEST).put("stream", "nope")).body;
        assertThat(unknown.path("error").path("message").asText()).contains("nope");
    }

    @Test
    void aReadThatFailsPartWayKeepsWhatItReadAndListsTheError() throws Exception {
        try (MockApi api = new MockApi().start()) {
            api.on("GET", "/items").json(403, "{\"message\": \"forbidden\"}");
            String text = MANIFEST.replace("http://127.0.0.1:1", api.url());

            JsonNode answer = post("test", Json.object().put("text", text).put("stream", "items")).body;

            assertThat(answer.path("error").isMissingNode()).isTrue();
            assertThat(answer.path("errors")).hasSize(1);
            assertThat(answer.path("errors").get(0).path("message").asText()).contains("403");
            JsonNode logs = answer.path("read").path("logs");
            assertThat(logs.get(logs.size() - 1).path("level").asText()).isEqualTo("ERROR");
        }
    }

    @Test
    void takesASchemaAsATextEdit() throws Exception {
        ObjectNode request = Json.object().put("text", MANIFEST).put("stream", "items");
        request.set("schema", Json.parse("{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\"}}}"));

        JsonNode edit = post("take-schema", request).body;

        String text = edit.path("text").asText();
        assertThat(text).startsWith(MANIFEST.substring(0, edit.path("start").asInt()));
        assertThat(text.substring(edit.path("start").asInt())).startsWith(edit.path("replacement").asText());
        assertThat(text).contains("    schema_loader:\n      type: InlineSchemaLoader\n");
    }

    @Test
    void aConfigFileIsReadAndWrittenOnlyOnSaveConfig() throws Exception {
        Path config = folder.resolve("config.json");
        Files.writeString(config, "{\"api_key\": \"old\"}");
        try (BuilderServer other = BuilderServer.start(new BuilderOptions(folder.resolve("manifest.yaml"), config, 0,
                getClass().getClassLoader()))) {
            JsonNode session = post(other, "session", Json.object()).body.path("config");
            assertThat(session.path("values").path("api_key").asText()).isEqualTo("old");
            ObjectNode request = Json.object().put("version", session.path("version").asText());
            request.set("config", Json.object().put("api_key", "new"));

            assertThat(post(other, "save-config", request).status).isEqualTo(200);

            assertThat(Json.parse(Files.readString(config)).path("api_key").asText()).isEqualTo("new");
            assertThat(Files.readString(folder.resolve("config.json.bak"))).contains("old");
            assertThat(post(other, "save-config", request).status).as("the version is stale now").isEqualTo(409);
        }
    }

    @Test
    void aConfigIsNotWrittenWithoutAConfigFile() throws Exception {
        Reply refused = post("save-config", Json.object().set("config", Json.object().put("api_key", "secret")));

        assertThat(refused.body.path("error").path("message").asText()).contains("without --config");
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("manifest.yaml");
        }
    }

    private HttpResponse<String> get(URI url) throws Exception {
        return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply post(String endpoint, JsonNode body) throws Exception {
        return post(server, endpoint, body);
    }

    private Reply post(BuilderServer target, String endpoint, JsonNode body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(target.url().resolve("api/" + endpoint))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), Json.parse(response.body()));
    }

    /** A request written by hand: the JDK client will not send a Host header of our choosing. */
    private String raw(String head) throws Exception {
        return raw(head, "");
    }

    private String raw(String head, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

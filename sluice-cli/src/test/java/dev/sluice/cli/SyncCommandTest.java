package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.demo.DemoSource;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.examples.demo.api.Fault;
import dev.sluice.protocol.Json;
import dev.sluice.sync.DestinationUrl;
import dev.sluice.sync.Queries;
import dev.sluice.testkit.ConfigBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice sync} and {@code sluice demo} in-process, against the demo API. */
class SyncCommandTest {

    private static final String KEY = "sync-secret-41f7";

    @TempDir
    Path dir;
    private DemoApi api;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        api = DemoApi.start(DemoApiOptions.defaults().withApiKey(KEY));
        config = ConfigBuilder.withBaseUrl(api.baseUri().toString()).put("api_key", KEY).put("page_size", 500)
                .writeTo(dir.resolve("config.json"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** The exit code and everything the command printed on standard error. */
    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute(new dev.sluice.protocol.MessageWriter(java.io.OutputStream.nullOutputStream()),
                    args);
            return new Run(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private String count(Path database, String table) {
        return Queries.table(DestinationUrl.parse(database.toString()), "SELECT COUNT(*) AS n FROM " + table);
    }

    @Test
    void syncsEveryStreamThenOnlyWhatIsNew() throws Exception {
        Path database = dir.resolve("out.duckdb");
        String[] sync = {"sync", "--source", DemoSource.class.getName(), "--config", config.toString(),
            "--destination", database.toString(), "--progress", "plain"};

        Run first = run(sync);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("employees: started (full refresh) into table employees")
                .contains("time_off_requests: done, 1,000 records").contains("Synced 6,200 records into")
                .doesNotContain(KEY);
        assertThat(count(database, "employees")).contains("5000");
        api.appendTimeOffRequests(7);
        Run second = run(sync);
        assertThat(second.exit()).isZero();
        assertThat(second.err()).contains("time_off_requests: done, 7 records");
        assertThat(count(database, "time_off_requests")).contains("1007");
    }

    @Test
    void selectedStreamsIntoSqliteAndAFailureSaysWhichStream() {
        Path database = dir.resolve("out.sqlite");
        api.faults().always("/employee_benefits", new Fault.Status(403, "{\"error\": \"key " + KEY + " revoked\"}"));

        Run result = run("sync", "--source", DemoSource.class.getName(), "--config", config.toString(),
                "--destination", database.toString(), "--streams", "employee_benefits,time_off_requests",
                "--progress", "none");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("1 of 2 streams FAILED").contains("employee_benefits")
                .doesNotContain(KEY);
        assertThat(count(database, "time_off_requests")).contains("1000");
    }

    @Test
    void badInputsAreOneLineErrors() throws Exception {
        Run unknown = run("sync", "--source", DemoSource.class.getName(), "--config", config.toString(),
                "--destination", dir.resolve("x.duckdb").toString(), "--streams", "payroll");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("sluice sync: Unknown stream(s) payroll; the source has: "
                + "employees, employee_benefits, time_off_requests");

        Run destination = run("sync", "--source", DemoSource.class.getName(), "--config", config.toString(),
                "--destination", "mysql://nope");
        assertThat(destination.exit()).isEqualTo(1);
        assertThat(destination.err()).startsWith("sluice sync: Unknown destination 'mysql://nope'");
    }

    @Test
    void anUnexpectedFailurePrintsNoSecretOnStandardError() throws Exception {
        String secret = "leak+me/~*" + KEY;
        Path leaking = dir.resolve("leaking.json");
        Files.writeString(leaking, Json.write(Json.object().put("api_key", secret)));

        Run result = run("sync", "--source", LeakingSource.class.getName(), "--config", leaking.toString(),
                "--destination", dir.resolve("leak.duckdb").toString(), "--progress", "plain");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("sluice sync: unexpected failure: java.lang.IllegalStateException")
                .contains("has expired").contains("\tat ");
        assertThat(SecretForms.foundIn(result.err(), List.of(secret))).isEmpty();
    }

    @Test
    void syncsADeclarativeManifest() throws Exception {
        Path manifest = dir.resolve("manifest.yaml");
        Files.writeString(manifest, """
                version: 6.0.0
                type: DeclarativeSource
                check: {type: CheckStream, stream_names: [employees]}
                spec:
                  type: Spec
                  connection_specification:
                    type: object
                    required: [base_url]
                    properties:
                      base_url: {type: string}
                      api_key: {type: string, airbyte_secret: true}
                streams:
                  - type: DeclarativeStream
                    name: employees
                    primary_key: [id]
                    schema_loader:
                      type: InlineSchemaLoader
                      schema:
                        type: object
                        properties:
                          id: {type: integer}
                          first_name: {type: [null, string]}
                          address: {type: [null, object]}
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "{{ config['base_url'] }}"
                        path: /employees
                        http_method: GET
                        authenticator:
                          type: ApiKeyAuthenticator
                          api_token: "{{ config['api_key'] }}"
                          inject_into: {type: RequestOption, inject_into: header, field_name: X-Api-Key}
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: [data]}
                      paginator:
                        type: DefaultPaginator
                        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                        page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: page_size}
                        pagination_strategy: {type: PageIncrement, page_size: 1000, start_from_page: 1}
                """);
        Path database = dir.resolve("manifest.duckdb");

        Run result = run("sync", "--manifest", manifest.toString(), "--config", config.toString(),
                "--destination", database.toString(), "--progress", "none");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Queries.table(DestinationUrl.parse(database.toString()),
                "SELECT COUNT(DISTINCT id) AS n, COUNT(address->>'city') AS cities FROM employees"))
                .contains("5000  5000");
    }

    @Test
    void demoSyncsIntoDuckDbAndShowsASampleQuery() {
        Path database = dir.resolve("demo.duckdb");

        Run demo = run("demo", "--destination", database.toString(), "--progress", "plain");

        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.err()).contains("Synced 6,200 records into").contains("A sample query:")
                .contains(DemoCommand.SAMPLE_QUERY).contains("department").contains("Engineering");
        assertThat(count(database, "employees")).contains("5000");
    }
}

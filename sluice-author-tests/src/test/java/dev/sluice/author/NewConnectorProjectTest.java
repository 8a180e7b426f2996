package dev.sluice.author;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.Json;
import dev.sluice.testkit.Output;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first "done when": what a new author does, in a temporary folder outside the repository, with the
 * artifacts this build installed and nothing else. {@code ./sluice init} (each kind) → {@code mvn -o verify} in
 * the new project (a child Maven, offline, on this build's local repository) → the jar's {@code spec},
 * {@code check}, {@code discover} and {@code read} against the demo API → the same through
 * {@code ./sluice --classpath} → {@code ./sluice sync} into DuckDB, whose table is queried.
 */
class NewConnectorProjectTest {

    private static final Path ROOT = Path.of(System.getProperty("sluice.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("sluice.version", "0.1.0-SNAPSHOT");
    private static final Path REPOSITORY = Path.of(System.getProperty("sluice.maven.repo.local",
            System.getProperty("user.home") + "/.m2/repository")).toAbsolutePath();
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(5);
    /** ./sluice runs the jars this build made; it must not start a build of its own inside the test. */
    private static final Map<String, String> SLUICE_ENV = Map.of("SLUICE_NO_BUILD", "1", "SLUICE_NO_CDS", "1");
    private static final int EMPLOYEES = 1_000;

    private static DemoApi api;

    @TempDir
    Path temp;

    @BeforeAll
    static void installedArtifactsAndTheDemoApi() {
        InstalledArtifacts.requireInstalled(REPOSITORY, ROOT, VERSION);
        api = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(EMPLOYEES));
    }

    @AfterAll
    static void stopTheDemoApi() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void codeFirstProject() throws Exception {
        Path project = temp.resolve("source-acme-hr");
        long start = System.nanoTime();

        sluice(temp, "init", project.toString()).assertSucceeded();
        mavenVerify(project);
        Path jar = runnableJar(project, "source-acme-hr");
        Path config = config(project);
        Path catalog = project.resolve("sample_files/configured_catalog.json");

        Connector own = new Connector("java -jar", List.of(java(), "-jar", jar.toString()), List.of(), Map.of());
        Output read = protocolCommands(own, project, config, catalog);
        System.err.printf("code-first: from sluice init to the first read: %.1f s%n",
                (System.nanoTime() - start) / 1e9);
        assertEmployees(read, false);

        List<String> outside = List.of("--classpath", classpath(project, jar), "--source", "com.example.acmehr.AcmeHrSource");
        Connector throughSluice = new Connector("./sluice --classpath", List.of(ROOT.resolve("sluice").toString()),
                outside, SLUICE_ENV);
        assertEmployees(protocolCommands(throughSluice, temp, config, catalog), false);

        assertSyncedIntoDuckDb(outside, config, false);
    }

    @Test
    void manifestProject() throws Exception {
        Path project = temp.resolve("people");
        long start = System.nanoTime();

        sluice(temp, "init", project.toString(), "--manifest", "--name", "source-people", "--package", "org.acme.people")
                .assertSucceeded();
        mavenVerify(project);
        Path jar = runnableJar(project, "source-people");
        Path config = config(project);
        Path catalog = project.resolve("sample_files/configured_catalog.json");

        Connector own = new Connector("java -jar", List.of(java(), "-jar", jar.toString()), List.of(), Map.of());
        Output read = protocolCommands(own, project, config, catalog);
        System.err.printf("manifest: from sluice init to the first read: %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertEmployees(read, true);

        // the manifest file itself; its custom component comes from the project's jar
        List<String> outside = List.of("--classpath", classpath(project, jar),
                "--manifest", project.resolve("src/main/resources/manifest.yaml").toString());
        Connector throughSluice = new Connector("./sluice --classpath", List.of(ROOT.resolve("sluice").toString()),
                outside, SLUICE_ENV);
        assertEmployees(protocolCommands(throughSluice, temp, config, catalog), true);

        assertSyncedIntoDuckDb(outside, config, true);
    }

    /** spec, check, discover and read, each checked; returns the read's output. */
    private static Output protocolCommands(Connector connector, Path directory, Path config, Path catalog) {
        Output spec = connector.spec(directory);
        assertThat(spec.messages()).hasSize(1);
        JsonNode specJson = Json.MAPPER.valueToTree(spec.messages().get(0));
        assertThat(specJson.at("/connectionSpecification/properties/base_url/type").asText()).isEqualTo("string");
        assertThat(specJson.at("/connectionSpecification/properties/api_key/airbyte_secret").asBoolean()).isTrue();

        assertThat(connector.check(directory, config).connectionStatus()).get()
                .extracting(ConnectionStatus::status).isEqualTo(ConnectionStatus.Status.SUCCEEDED);

        List<AirbyteStream> streams = connector.discover(directory, config).catalog().orElseThrow().streams();
        assertThat(streams).extracting(AirbyteStream::name).containsExactly("employees");
        ObjectNode schema = streams.get(0).jsonSchema();
        // the shared part of the schema, resolved: code-first from schemas/shared/, manifest from its definitions
        assertThat(schema.at("/properties/address/properties/city").isObject()).as(schema.toString()).isTrue();

        return connector.read(directory, config, catalog);
    }

    private static void assertEmployees(Output read, boolean withFullName) {
        assertThat(read.errors()).isEmpty();
        List<ObjectNode> records = read.records("employees");
        assertThat(records).extracting(row -> row.get("id").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, EMPLOYEES).boxed().toList());
        assertThat(records).allSatisfy(row -> assertThat(row.at("/address/city").asText()).isNotEmpty());
        if (withFullName) {
            assertThat(records).allSatisfy(row -> assertThat(row.get("full_name").asText())
                    .isEqualTo(row.get("first_name").asText() + " " + row.get("last_name").asText()));
        }
        assertThat(read.mostRecentState("employees")).isPresent();
    }

    private void assertSyncedIntoDuckDb(List<String> connectorOptions, Path config, boolean withFullName)
            throws SQLException {
        Path database = temp.resolve("warehouse.duckdb");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("sluice").toString(), "sync"));
        command.addAll(connectorOptions);
        command.addAll(List.of("--config", config.toString(), "--destination", database.toString(), "--progress", "none"));
        ChildProcess.run(temp, SLUICE_ENV, Duration.ofMinutes(2), command).assertSucceeded();

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT count(*), count(DISTINCT id), min(id), max(id), "
                    + "count(*) FILTER (WHERE json_extract_string(address, '$.city') IS NOT NULL) FROM employees")) {
                assertThat(rows.next()).isTrue();
                assertThat(List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)))
                        .containsExactly((long) EMPLOYEES, (long) EMPLOYEES, 1L, (long) EMPLOYEES, (long) EMPLOYEES);
            }
            if (withFullName) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM employees WHERE full_name = first_name || ' ' || last_name")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(1)).isEqualTo(EMPLOYEES);
                }
            }
        }
    }

    private static ChildProcess sluice(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("sluice").toString()));
        command.addAll(List.of(arguments));
        return ChildProcess.run(directory, SLUICE_ENV, Duration.ofMinutes(1), command);
    }

    /** {@code mvn -o -B verify} in the new project, on the local repository this build installed into. */
    private static void mavenVerify(Path project) {
        assertThat(project).as("the project lies outside the repository").satisfies(
                path -> assertThat(path.toAbsolutePath().startsWith(ROOT)).isFalse());
        String home = System.getProperty("sluice.maven.home");
        String mvn = home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
        ChildProcess.run(project, Map.of(), MAVEN_TIMEOUT, List.of(mvn, "-o", "-B", "-ntp",
                "-Dmaven.repo.local=" + REPOSITORY, "verify")).assertSucceeded();
    }

    private static Path runnableJar(Path project, String name) {
        Path jar = project.resolve("target").resolve(name + ".jar");
        assertThat(jar).isRegularFile();
        assertThat(project.resolve("target/lib")).isDirectory();
        return jar;
    }

    /** The config for the demo API this test started. */
    private static Path config(Path project) throws IOException {
        Path config = project.resolve("sample_files/test-config.json");
        Files.writeString(config, Json.object().put("base_url", api.baseUri().toString()).toString());
        return config;
    }

    /** The project's jar and the jars of its dependencies, as an author hands them to ./sluice. */
    private static String classpath(Path project, Path jar) throws IOException {
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        try (java.util.stream.Stream<Path> lib = Files.list(project.resolve("target/lib"))) {
            lib.filter(file -> file.toString().endsWith(".jar")).sorted().forEach(file -> entries.add(file.toString()));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

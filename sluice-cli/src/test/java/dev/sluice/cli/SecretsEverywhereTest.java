package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.examples.demo.DemoSource;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.examples.demo.api.Fault;
import dev.sluice.protocol.AirbyteControl;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.TestRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every end-to-end scenario run through the CLI in its own JVM with recognisable secrets in the config (API keys
 * in a header and in the query string, OAuth client secret and refresh token), each made of characters that
 * encoders treat differently ({@code * ~ + / = & %} and a space): spec, check, discover and read of the code-first
 * and the declarative demo connector, debug logging, retried and fatal faults whose bodies echo the secrets, OAuth
 * refresh (rotated and refused), invalid configs, a broken manifest and a template that fails on a secret. No form
 * of any secret (see {@link SecretForms}) may appear on standard output or standard error, LOG messages included;
 * CONTROL messages are exempt, because they carry the updated config to the platform by design.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsEverywhereTest {

    @RegisterExtension
    final TestRun testRun = new TestRun();
    private final RunContext run = testRun.context();

    static final String API_KEY = "Sk*live~7f3c+/= &q%9";
    static final String WRONG_KEY = "Wr0ng*key~5a+/= &x%1";
    static final String CLIENT_SECRET = "cl1ent*secret~4d+/= &c";
    static final String REFRESH_TOKEN = "refresh*tok~8e+/= &r";
    static final String ROTATED_TOKEN = "rotated*tok~2a+/= &s";
    static final String ACCESS_TOKEN = "access*tok~6b+/= &t";
    private static final List<String> SECRETS = List.of(API_KEY, WRONG_KEY, CLIENT_SECRET, REFRESH_TOKEN,
            ROTATED_TOKEN, ACCESS_TOKEN);

    private Path dir;
    private DemoApi demo;
    private HostileApi oauthApi;
    private CliProcess cli;
    private Path demoManifest;
    private Path demoConfig;
    private Path wrongKeyConfig;
    private Path invalidConfig;
    private Path codeFirstCatalog;
    private Path declarativeCatalog;
    private final List<String> report = new ArrayList<>();
    private int scenariosRun;
    private int leaksFound;

    /** One command line and what its run must show, so that the scan is not vacuous. */
    record Scenario(String name, Arguments arguments, Consumer<CliProcess.Result> expectation) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Arguments {
        List<String> of(SecretsEverywhereTest test) throws Exception;
    }

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("sluice-secrets");
        cli = new CliProcess(dir, "-XX:TieredStopAtLevel=1");
        demo = DemoApi.start(DemoApiOptions.defaults().withApiKey(API_KEY).withEmployeeCount(300)
                .withTimeOffRequestCount(200));
        oauthApi = SecretsFixtures.oauthApi();
        demoManifest = dir.resolve("demo-manifest.yaml");
        try (InputStream in = getClass().getResourceAsStream("/dev/sluice/examples/demo/demo-manifest.yaml")) {
            Files.write(demoManifest, in.readAllBytes());
        }
        ObjectNode settings = Json.object().put("base_url", demo.baseUri().toString()).put("api_key", API_KEY);
        demoConfig = write("demo-config.json", settings);
        wrongKeyConfig = write("wrong-key-config.json", settings.deepCopy().put("api_key", WRONG_KEY));
        invalidConfig = write("invalid-config.json", settings.deepCopy().put("page_size", 5000));
        List<Stream> codeFirst = new DemoSource().streams(new Config(settings)).stream()
                .filter(stream -> !stream.name().equals("employee_benefits")).toList();
        codeFirstCatalog = write("code-first-catalog.json", ConnectorHarness.catalogOf(codeFirst, true));
        declarativeCatalog = write("declarative-catalog.json", ConnectorHarness.catalogOf(
                ManifestSources.fromFile(demoManifest).streams(new Config(settings), run).subList(0, 1), false));
    }

    @AfterAll
    void stop() {
        demo.close();
        oauthApi.close();
        report.add(String.format("%d scenarios, %d secrets x %d forms each scanned, %d found", scenariosRun,
                SECRETS.size(), SecretForms.of(API_KEY).size(), leaksFound));
        report.forEach(System.out::println);
    }

    private Path write(String name, Object value) throws IOException {
        return Files.writeString(dir.resolve(name), Json.write(value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void noSecretAppearsInAnyOutput(Scenario scenario) throws Exception {
        demo.faults().clear();
        List<String> args = scenario.arguments().of(this);
        CliProcess.Result result = cli.run("scenario" + (++scenariosRun), Duration.ofMinutes(2),
                args.toArray(String[]::new));
        demo.faults().clear();

        String visible = Arrays.stream(result.stdout().split("\n"))
                .filter(line -> !line.startsWith("{\"type\":\"CONTROL\""))
                .collect(Collectors.joining("\n")) + "\n" + result.stderr();
        List<String> leaks = SecretForms.foundIn(visible, SECRETS);
        leaksFound += leaks.size();
        assertThat(leaks).as("secrets in the output of '%s':%n%s", scenario.name(), visible).isEmpty();
        scenario.expectation().accept(result);
    }

    List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        for (String kind : List.of("code-first", "declarative")) {
            scenarios.addAll(demoScenarios(kind));
        }
        for (ItemsConnector kind : ItemsConnector.values()) {
            scenarios.addAll(queryKeyScenarios(kind));
        }
        scenarios.addAll(SecretsFixtures.oauthScenarios());
        scenarios.addAll(SecretsFixtures.invalidInputScenarios());
        return scenarios;
    }

    private List<String> connector(String kind) {
        return kind.equals("code-first") ? List.of("--source", DemoSource.class.getName())
                : List.of("--manifest", demoManifest.toString());
    }

    List<String> command(String kind, String command, Path config, String... extra) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(connector(kind));
        args.addAll(List.of("--config", config.toString()));
        if (command.equals("read")) {
            Path catalog = kind.equals("code-first") ? codeFirstCatalog : declarativeCatalog;
            args.addAll(List.of("--catalog", catalog.toString()));
        }
        args.addAll(List.of(extra));
        return args;
    }

    private List<Scenario> demoScenarios(String kind) {
        String echo = "{\"error\": \"key " + API_KEY + " is over quota\"}";
        // Debug logging is on for the reads, so that a request logged at debug level would be scanned too.
        List<Scenario> scenarios = new ArrayList<>(List.of(
                new Scenario(kind + " spec", t -> t.command(kind, "spec", t.demoConfig), exits(0)),
                new Scenario(kind + " check", t -> t.command(kind, "check", t.demoConfig),
                        status(ConnectionStatus.Status.SUCCEEDED)),
                new Scenario(kind + " check with a wrong key", t -> t.command(kind, "check", t.wrongKeyConfig),
                        status(ConnectionStatus.Status.FAILED)),
                new Scenario(kind + " discover", t -> t.command(kind, "discover", t.demoConfig), exits(0)),
                new Scenario(kind + " read --debug: a retried 503 echoing the key", t -> {
                    t.demo.faults().once("/employees?page=2", new Fault.Status(503, echo));
                    return t.command(kind, "read", t.demoConfig, "--debug");
                }, records("employees", 300)),
                new Scenario(kind + " read: a 401 echoing the key", t -> {
                    t.demo.faults().always("/employees?page=2", new Fault.Status(401, echo));
                    return t.command(kind, "read", t.demoConfig);
                }, exits(1))));
        scenarios.add(kind.equals("code-first")
                ? new Scenario(kind + " read with an invalid config", t -> t.command(kind, "read", t.invalidConfig),
                        exits(1))
                : new Scenario(kind + " check with an invalid config", t -> t.command(kind, "check", t.invalidConfig),
                        status(ConnectionStatus.Status.FAILED)));
        return scenarios;
    }

    private List<Scenario> queryKeyScenarios(ItemsConnector kind) {
        String name = kind.name().toLowerCase(Locale.ROOT) + " with the key in the query: ";
        return List.of(
                new Scenario(name + "read --debug with a retried 503", t -> {
                    t.demo.faults().once("/employees?page=2", new Fault.Status(503));
                    return t.items(kind, API_KEY, "--debug");
                }, records("items", 300)),
                new Scenario(name + "a persistent 500", t -> {
                    t.demo.faults().always("/employees?page=2", new Fault.Status(500));
                    return t.items(kind, API_KEY);
                }, exits(1)),
                new Scenario(name + "as a plain request parameter, a persistent 500", t -> {
                    t.demo.faults().always("/employees?page=2", new Fault.Status(500));
                    return kind == ItemsConnector.CODE_FIRST ? t.items(kind, API_KEY, true)
                            : SecretsFixtures.keyAsParameter(t, t.demo.baseUri().toString());
                }, exits(1)),
                new Scenario(name + "check with a wrong key", t -> {
                    List<String> args = new ArrayList<>(t.items(kind, WRONG_KEY));
                    args.set(0, "check");
                    args.subList(args.indexOf("--catalog"), args.size()).clear();
                    return args;
                }, status(ConnectionStatus.Status.FAILED)));
    }

    private List<String> items(ItemsConnector kind, String key, String... extra) throws IOException {
        return items(kind, key, false, extra);
    }

    private List<String> items(ItemsConnector kind, String key, boolean keyAsParameter, String... extra)
            throws IOException {
        ObjectNode config = ItemsConnector.config(demo.baseUri().toString(), "employees", key);
        if (keyAsParameter) {
            config.put("key_as_parameter", true);
        }
        List<String> args = new ArrayList<>(kind.read(dir, "items-" + kind + "-" + scenariosRun, config));
        args.addAll(List.of(extra));
        return args;
    }

    Path dir() {
        return dir;
    }

    String oauthBase() {
        return oauthApi.baseUrl();
    }

    static Consumer<CliProcess.Result> exits(int code) {
        return result -> assertThat(result.exitCode()).as(result.stdout()).isEqualTo(code);
    }

    static Consumer<CliProcess.Result> status(ConnectionStatus.Status expected) {
        return result -> assertThat(result.output().connectionStatus()).as(result.stdout())
                .hasValueSatisfying(status -> assertThat(status.status()).isEqualTo(expected));
    }

    static Consumer<CliProcess.Result> records(String stream, int count) {
        return result -> {
            assertThat(result.exitCode()).as(result.stdout()).isZero();
            assertThat(result.output().records(stream)).hasSize(count);
        };
    }

    static Consumer<CliProcess.Result> rotated() {
        return result -> {
            assertThat(result.exitCode()).as(result.stdout()).isZero();
            assertThat(result.output().messages()).filteredOn(AirbyteControl.class::isInstance).isNotEmpty();
        };
    }
}

package dev.sluice.cli;

import dev.sluice.launcher.logging.LogDestination;
import dev.sluice.examples.demo.DemoSource;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.sync.DestinationUrl;
import dev.sluice.sync.Queries;
import dev.sluice.sync.Sync;
import dev.sluice.sync.SyncOptions;
import dev.sluice.sync.SyncResult;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.event.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice demo}: starts the demo API on a free loopback port, syncs the demo connector into
 * {@code ./sluice-demo.duckdb}, and prints the summary and a sample query with its result.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "The demo: the demo API, the demo connector synced into DuckDB, a sample query.")
final class DemoCommand implements Callable<Integer> {

    static final String SAMPLE_QUERY = "SELECT department, COUNT(*) AS employees, ROUND(AVG(salary)) AS avg_salary,"
            + " SUM(CASE WHEN active THEN 1 ELSE 0 END) AS active FROM employees GROUP BY department"
            + " ORDER BY employees DESC, department";

    @Option(names = "--destination", paramLabel = "URL", defaultValue = "./sluice-demo.duckdb",
            description = "Where to load (default: ${DEFAULT-VALUE}).")
    String destination = "./sluice-demo.duckdb";

    @Option(names = "--employees", description = "Rows the demo API serves in /employees (default: ${DEFAULT-VALUE}).")
    int employees = DemoApiOptions.DEFAULT_EMPLOYEE_COUNT;

    @Option(names = "--latency-ms", description = "Delay the demo API adds to every response (default: ${DEFAULT-VALUE}).")
    long latencyMillis;

    @Option(names = "--full-refresh", description = "Reload every stream from scratch.")
    boolean fullRefresh;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto, live, plain or none.")
    SyncProgress progress = SyncProgress.AUTO;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        LogDestination.reset(Level.WARN);
        DestinationUrl url = DestinationUrl.parse(destination);
        DemoApiOptions options = DemoApiOptions.defaults().withEmployeeCount(employees)
                .withLatency(Duration.ofMillis(latencyMillis));
        try (DemoApi api = DemoApi.start(options)) {
            err.printf("Demo API on %s; syncing the demo connector (%s) into %s%n%n", api.baseUri(),
                    DemoSource.class.getName(), destination);
            Config config = new Config(Json.object().put("base_url", api.baseUri().toString()).put("page_size", 500));
            SyncResult result = new Sync(new DemoSource(), url, Clock.systemUTC())
                    .run(config, SyncOptions.defaults().withFullRefresh(fullRefresh), progress.listener(err));
            if (result.stream("employees").map(stream -> stream.succeeded()).orElse(false)) {
                err.printf("%nA sample query:%n%n  %s%n%n%s", SAMPLE_QUERY, Queries.table(url, SAMPLE_QUERY));
                err.printf("%nRun it again: time_off_requests loads incrementally, the other streams are replaced."
                        + "%nQuery the file with any DuckDB client, e.g. duckdb %s%n", destination);
            }
            return result.succeeded() ? 0 : 1;
        } catch (ConnectorException e) {
            err.println("sluice demo: " + e.userMessage());
            return 1;
        }
    }
}

package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.demo.DemoSource;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.MessageWriter;
import dev.sluice.runner.SourceRunner;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import dev.sluice.sync.DestinationUrl;
import dev.sluice.sync.Sync;
import dev.sluice.sync.SyncListener;
import dev.sluice.sync.SyncOptions;
import dev.sluice.sync.SyncResult;
import dev.sluice.testkit.ConnectorHarness;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync} into DuckDB against a plain {@code read} (JSON lines to a null stream, as {@code ./sluice read >
 * /dev/null}) of the same demo API stream, in one JVM, alternating so that both see the same warm-up and load.
 * Not part of the suite (the name does not end in Test):
 * <pre>{@code mvn -B -o -pl sluice-cli -am test -Dtest=SyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsluice.bench.employees=200000 -Dsluice.bench.rounds=3}</pre>
 * Results go to {@code sluice-cli/target/sync-benchmark.txt}.
 */
class SyncBenchmark {

    @TempDir
    Path dir;

    @Test
    void syncAgainstRead() throws Exception {
        int employees = Integer.getInteger("sluice.bench.employees", 200_000);
        int rounds = Integer.getInteger("sluice.bench.rounds", 3);
        List<String> report = new ArrayList<>();
        try (DemoApi api = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(employees))) {
            Config config = new Config(Json.object().put("base_url", api.baseUri().toString()).put("page_size", 1000));
            DemoSource source = new DemoSource();
            ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(
                    ConnectorHarness.catalogOf(source.streams(config), false).stream("employees").stream().toList());
            double bestRead = 0;
            double bestSync = 0;
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                MessageWriter nowhere = new MessageWriter(OutputStream.nullOutputStream());
                try (RunContext run = RunContext.named("benchmark")) {
                    assertThat(new SourceRunner(source, nowhere, Clock.systemUTC(), run).read(config, catalog,
                            StateInput.empty())).isTrue();
                }
                nowhere.flush();
                double read = employees / ((System.nanoTime() - start) / 1e9);

                Path file = dir.resolve("bench-" + round + ".duckdb");
                start = System.nanoTime();
                SyncResult result = new Sync(source, DestinationUrl.parse(file.toString()), Clock.systemUTC())
                        .run(config, SyncOptions.defaults().withStreams(List.of("employees")), SyncListener.NONE);
                double sync = employees / ((System.nanoTime() - start) / 1e9);
                assertThat(result.succeeded()).isTrue();
                assertThat(result.records()).isEqualTo(employees);

                bestRead = Math.max(bestRead, read);
                bestSync = Math.max(bestSync, sync);
                report.add(String.format(Locale.ROOT, "round %d: read %,.0f records/s, sync %,.0f records/s (%.0f%%)",
                        round, read, sync, 100 * sync / read));
            }
            report.add(String.format(Locale.ROOT, "best of %d, %,d employees: read %,.0f records/s, sync into DuckDB "
                    + "%,.0f records/s = %.0f%% of read", rounds, employees, bestRead, bestSync, 100 * bestSync / bestRead));
        }
        Files.write(Path.of("target", "sync-benchmark.txt"), report);
        report.forEach(System.err::println);
    }
}

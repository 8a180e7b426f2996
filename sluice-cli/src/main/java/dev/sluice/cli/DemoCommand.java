package dev.sluice.cli;

import dev.sluice.examples.demo.DemoSource;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.runner.SourceRunner;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testing.ConnectorHarness;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sluice demo}: starts the demo API on a free port, reads the demo connector and prints a summary. */
@Command(name = "demo", description = "Run the demo: the demo API, the demo connector, a summary.")
final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        PrintStream err = System.err;
        try (DemoApi api = DemoApi.start(DemoApiOptions.defaults())) {
            Config config = new Config(dev.sluice.protocol.Json.object().put("base_url", api.baseUri().toString()));
            DemoSource source = new DemoSource();
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, String> statuses = new LinkedHashMap<>();
            long started = System.nanoTime();
            boolean ok = new SourceRunner(source, (AirbyteMessage message) -> {
                if (message instanceof AirbyteRecord record) {
                    counts.merge(record.stream(), 1L, Long::sum);
                } else if (message instanceof AirbyteTrace trace && trace.streamStatus() != null) {
                    statuses.put(trace.streamStatus().streamDescriptor().name(), trace.streamStatus().status().name());
                }
            }, Clock.systemUTC()).read(config, ConnectorHarness.catalogOf(source.streams(config), true),
                    StateInput.empty());
            long millis = (System.nanoTime() - started) / 1_000_000;
            err.printf("Read the demo connector from the demo API at %s in %d ms:%n", api.baseUri(), millis);
            err.printf("  %-20s %10s  %s%n", "stream", "records", "status");
            statuses.forEach((stream, status) -> err.printf("  %-20s %10d  %s%n", stream,
                    counts.getOrDefault(stream, 0L), status));
            return ok ? 0 : 1;
        }
    }
}

package dev.sluice.cli;

import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice demo-api}: serves the deterministic demo API on loopback until interrupted. */
@Command(name = "demo-api", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Serve the demo API on 127.0.0.1 (for the examples and tests).")
final class DemoApiCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--latency-ms", description = "Delay added to every response (default: ${DEFAULT-VALUE}).")
    long latencyMillis;

    @Option(names = "--api-key", description = "Require this key (header X-Api-Key or query api_key).")
    @Nullable String apiKey;

    @Option(names = "--seed", description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Override
    public Integer call() throws InterruptedException {
        DemoApiOptions options = DemoApiOptions.defaults().withPort(port).withSeed(seed)
                .withLatency(Duration.ofMillis(latencyMillis)).withApiKey(apiKey);
        PrintStream err = System.err;
        CountDownLatch stopped = new CountDownLatch(1);
        try (DemoApi api = DemoApi.start(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                api.close();
                stopped.countDown();
            }, "demo-api-shutdown"));
            err.println("Demo API listening on " + api.baseUri() + " (Ctrl-C to stop)");
            err.flush();
            stopped.await();
        }
        return 0;
    }
}

package dev.sluice.bench.jmh;

import dev.sluice.bench.transport.PageFetcher;
import dev.sluice.bench.transport.PageServerProcess;
import dev.sluice.bench.transport.TransportClient;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request cost of each HTTP/1.1 client of the comparison, over one keep-alive connection on loopback to
 * a page server in a child JVM ({@link PageServerProcess}): a small page (the bench stream's 100 records, about 17 KB) and
 * one large page (64 MiB of the same records) streamed and counted, never held. Run with {@code -prof gc} for the
 * allocation per request and {@code -prof dev.sluice.bench.jmh.CpuTimeProfiler} for the CPU per request; see
 * docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class TransportBenchmark {

    @Param
    public TransportClient client = TransportClient.SOCKET;

    private PageServerProcess server;
    private PageFetcher fetcher;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = new PageServerProcess();
        fetcher = client.open(server.baseUri());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        fetcher.close();
        int connections;
        try {
            connections = server.stop();
        } finally {
            server.close();
        }
        if (connections != 1) {
            throw new IllegalStateException(client + " opened " + connections + " connections, not one keep-alive");
        }
    }

    @Benchmark
    public long smallPage() throws IOException {
        return expect(fetcher.fetch("/small"), server.smallLength());
    }

    @Benchmark
    @Measurement(iterations = 5, time = 2)
    public long largePage() throws IOException {
        return expect(fetcher.fetch("/large"), server.largeLength());
    }

    private static long expect(long read, long length) throws IOException {
        if (read != length) {
            throw new IOException("read " + read + " body bytes, the page has " + length);
        }
        return read;
    }
}

package dev.sluice.bench.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link FixedPageServer} in a child JVM (same class path, serial GC, small heap), so that the CPU time and the
 * allocations measured in the benchmark's JVM are the client's alone, as with nginx in {@code bench/run}. The
 * child reports its port and, when stopped, its connection count through a file.
 */
public final class PageServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 60_000;

    private final Path directory;
    private final Path report;
    private final Process process;
    private final URI baseUri;
    private final long smallLength;
    private final long largeLength;

    public PageServerProcess() throws IOException {
        directory = Files.createTempDirectory("page-server");
        report = directory.resolve("report");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), FixedPageServer.class.getName(), report.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String[] fields = awaitReport().split(" ");
        baseUri = URI.create("http://127.0.0.1:" + fields[0]);
        smallLength = Long.parseLong(fields[1]);
        largeLength = Long.parseLong(fields[2]);
    }

    private String awaitReport() throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!Files.exists(report)) {
            if (!process.isAlive()) {
                throw new IOException("the page server ended before it listened (exit " + process.exitValue() + ")");
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("the page server did not listen within " + START_TIMEOUT_MILLIS + " ms");
            }
            sleep(20);
        }
        return Files.readString(report, StandardCharsets.US_ASCII).strip();
    }

    public URI baseUri() {
        return baseUri;
    }

    public long smallLength() {
        return smallLength;
    }

    public long largeLength() {
        return largeLength;
    }

    /** Stops the server and returns how many connections it accepted. */
    public int stop() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IOException("the page server did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the page server");
        }
        String line = Files.readString(report, StandardCharsets.US_ASCII).strip();
        if (!line.startsWith("connections ")) {
            throw new IOException("the page server ended without its connection count: " + line);
        }
        return Integer.parseInt(line.substring("connections ".length()));
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the page server");
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        Files.deleteIfExists(report);
        Files.deleteIfExists(directory);
    }
}

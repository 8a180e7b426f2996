package dev.sluice.bench.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link FixedPageServer} in a child JVM (same class path, serial GC, small heap), so that the CPU time and the
 * allocations measured in the benchmark's JVM are the client's alone, as with nginx in {@code bench/run}.
 */
public final class PageServerProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;
    private final URI baseUri;
    private final long smallLength;
    private final long largeLength;

    public PageServerProcess() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), FixedPageServer.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String line = output.readLine();
        if (line == null) {
            throw new IOException("the page server ended before it listened");
        }
        String[] fields = line.strip().split(" ");
        baseUri = URI.create("http://127.0.0.1:" + fields[0]);
        smallLength = Long.parseLong(fields[1]);
        largeLength = Long.parseLong(fields[2]);
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
        String connections = output.readLine();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the page server");
        }
        if (connections == null) {
            throw new IOException("the page server ended without its connection count");
        }
        return Integer.parseInt(connections.strip());
    }

    @Override
    public void close() {
        process.destroy();
    }
}

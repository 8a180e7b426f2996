package dev.sluice.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * A Connect worker of an embedded cluster's group in a JVM of its own (the test class path, the cluster's brokers and
 * internal topics), so that a test can kill it with SIGKILL: an in-process worker's {@code stop()} stops its tasks
 * cleanly, committing their offsets, which a crashed machine does not.
 */
final class ChildWorker implements AutoCloseable {

    private final Process process;
    private final int port;

    private ChildWorker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a worker with the settings the embedded workers run with ({@code workerProps} as the cluster filled it
     * in: brokers, group and topics), listening on a port of its own; its log goes to {@code dir/name.log}.
     */
    static ChildWorker start(Path dir, Map<String, String> workerProps, String name) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Properties props = new Properties();
            props.putAll(workerProps);
            props.remove("rest.port");
            props.remove("rest.host.name");
            props.put("listeners", "http://localhost:" + port);
            props.put("rest.advertised.host.name", "localhost");
            props.put("rest.advertised.port", Integer.toString(port));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".properties");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(out, "a child worker of the test's cluster");
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx384m");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ConnectDistributed.class.getName());
            command.add(file.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile()).start();
            return new ChildWorker(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the worker has joined the group: its REST API lists the connectors only once its herder has joined
     * and read the config topic.
     */
    ChildWorker awaitJoined(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/connectors")).timeout(java.time.Duration.ofSeconds(5))
                .build();
        while (true) {
            try {
                if (client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            if (!process.isAlive()) {
                throw new AssertionError("the child worker exited with " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the child worker did not join within " + timeoutMillis + " ms");
            }
            Thread.sleep(250);
        }
    }

    /** Whether a task of the connector runs on this worker (the status API names a worker by host:port). */
    boolean runsATaskOf(EmbeddedConnectCluster connect, String connector) {
        try {
            ConnectorStateInfo status = connect.connectorStatus(connector);
            return status.tasks().stream().anyMatch(task -> task.workerId().endsWith(":" + port)
                    && task.state().equals("RUNNING"));
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Waits until a task of each connector runs here: the rebalance after this worker joined is over. */
    void awaitTasksOf(EmbeddedConnectCluster connect, long timeoutMillis, String... connectors)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            boolean all = true;
            for (String connector : connectors) {
                all &= runsATaskOf(connect, connector);
            }
            if (all) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the child worker exited with " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no task of each of " + List.of(connectors) + " moved to the child worker");
            }
            Thread.sleep(250);
        }
    }

    /** SIGKILL: no task stops, no offset or transaction is committed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}

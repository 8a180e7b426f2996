package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.MessageReader;
import dev.sluice.testkit.Output;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CLI process in its own JVM whose standard output is read line by line while it runs, so that a test can kill it
 * with SIGKILL ({@link Process#destroyForcibly()}) the moment it has printed a chosen number of records (it dies
 * wherever it happens to be: mid-request, between a record and its STATE, while flushing), and so that a run
 * printing a million records is counted without being held in memory: only the first {@value #KEPT_RECORDS} RECORD
 * lines are kept.
 */
final class WatchedProcess {

    static final int KEPT_RECORDS = 10_000;
    private static final String RECORD_PREFIX = "{\"type\":\"RECORD\"";

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread pump;
    private final int killAfterRecords;
    private long records;
    private boolean killed;

    private WatchedProcess(Process process, int killAfterRecords) {
        this.process = process;
        this.killAfterRecords = killAfterRecords;
        this.pump = new Thread(this::pump, "stdout-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code java <jvmOptions> Main <args>} with a 256 MB heap, standard error to {@code stderr}; kills it once
     * it printed {@code killAfterRecords} RECORD lines (0: at once, while the JVM starts), or never when negative.
     */
    static WatchedProcess start(Path stderr, int killAfterRecords, List<String> jvmOptions, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        WatchedProcess watched = new WatchedProcess(process, killAfterRecords);
        if (killAfterRecords == 0) {
            watched.kill();
        }
        return watched;
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                boolean record = line.startsWith(RECORD_PREFIX);
                synchronized (this) {
                    if (!record || records < KEPT_RECORDS) {
                        lines.add(line);
                    }
                    if (record && ++records == killAfterRecords) {
                        kill();
                    }
                }
            }
        } catch (IOException e) {
            // The pipe broke because the process was killed: what was read so far is its output.
        }
    }

    private synchronized void kill() {
        killed = true;
        process.destroyForcibly();
    }

    /**
     * Waits for the end (natural or by the kill) and returns the protocol messages printed. A line that is not one
     * fails the test, except the last line of a killed process, which may be torn.
     */
    Output await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the sluice process did not end within " + timeout);
        }
        pump.join(TimeUnit.SECONDS.toMillis(30));
        List<AirbyteMessage> messages = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < lines.size(); i++) {
                try {
                    messages.add(MessageReader.parse(lines.get(i)));
                } catch (JsonProcessingException e) {
                    if (!killed || i < lines.size() - 1) {
                        throw new AssertionError("exit code " + process.exitValue()
                                + "; stdout has a line that is not a protocol message: " + lines.get(i), e);
                    }
                }
            }
        }
        return new Output(messages, process.exitValue());
    }

    synchronized boolean killed() {
        return killed;
    }

    /** The lines printed on stdout, as printed. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Every RECORD line printed, kept or not. */
    synchronized long recordCount() {
        return records;
    }
}

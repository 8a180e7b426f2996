package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.MessageReader;
import dev.sluice.testkit.Output;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI in a real JVM, as the launcher does (same main class, the test class path), so that faults,
 * timeouts, kills and standard error are real. Output files live in a directory the test owns.
 */
final class CliProcess {

    private final Path dir;
    private final List<String> jvmOptions;

    CliProcess(Path dir, String... jvmOptions) {
        this.dir = dir;
        this.jvmOptions = List.of(jvmOptions);
    }

    /** What a finished (or killed) process printed. */
    record Result(int exitCode, String stdout, String stderr, Output output) {
    }

    Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    Result run(String name, Duration timeout, String... args) throws IOException, InterruptedException {
        Process process = start(name, args);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(name + " did not finish within " + timeout);
        }
        return result(name, process.exitValue());
    }

    /** The output so far of a process (running, finished or killed); a torn last line is ignored. */
    Result result(String name, int exitCode) throws IOException {
        String stdout = Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
        String stderr = Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
        List<AirbyteMessage> messages = new ArrayList<>();
        String[] lines = stdout.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            try {
                messages.add(MessageReader.parse(line));
            } catch (JsonProcessingException e) {
                if (i == lines.length - 1) {
                    continue;
                }
                throw new UncheckedIOException("stdout has a line that is not a protocol message: " + line, e);
            }
        }
        return new Result(exitCode, stdout, stderr, new Output(messages, exitCode));
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    static String classPathSeparator() {
        return File.pathSeparator;
    }
}

package dev.sluice.author;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command run as a child process, as an author would type it: its exit code and both outputs, kept in files
 * (no pipe can fill up and stall the child). A command that outlives its timeout is killed and fails the test.
 */
record ChildProcess(List<String> command, int exitCode, String stdout, String stderr, Duration took) {

    static ChildProcess run(Path directory, Map<String, String> environment, Duration timeout, List<String> command) {
        long start = System.nanoTime();
        try {
            Path out = Files.createTempFile("child", ".out");
            Path err = Files.createTempFile("child", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("Timed out after " + timeout + ": " + String.join(" ", command)
                            + "\n--- stderr:\n" + tail(Files.readString(err, StandardCharsets.UTF_8))
                            + "\n--- stdout:\n" + tail(Files.readString(out, StandardCharsets.UTF_8)));
                }
                return new ChildProcess(List.copyOf(command), process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                        Duration.ofNanos(System.nanoTime() - start));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Fails the test, with both outputs' ends, unless the command exited 0. */
    ChildProcess assertSucceeded() {
        if (exitCode != 0) {
            throw new AssertionError(describe());
        }
        return this;
    }

    String describe() {
        return "`" + String.join(" ", command) + "` exited " + exitCode + "\n--- stderr:\n" + tail(stderr)
                + "\n--- stdout:\n" + tail(stdout);
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}

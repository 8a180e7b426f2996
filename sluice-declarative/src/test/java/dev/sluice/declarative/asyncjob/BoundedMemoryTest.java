package dev.sluice.declarative.asyncjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 200,000 CSV rows of an async report read in a child JVM with a 64 MB heap: the rows as records would take
 * several times that, so the read passes only if the body goes to disk and its rows are read back one at a time.
 * (The million-row case is {@code AsyncDownloadBenchmark} in sluice-bench.)
 */
class BoundedMemoryTest {

    private static final int ROWS = 200_000;

    @Test
    void aLargeGzippedCsvIsReadWithABoundedHeap() throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), BoundedDownloadMain.class.getName(),
                Integer.toString(ROWS)));
        builder.redirectErrorStream(true);
        Process child = builder.start();
        byte[] output = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);

        assertThat(child.exitValue()).as(text).isZero();
        assertThat(text).contains("rows=" + ROWS + " last=" + ROWS + " ");
    }
}

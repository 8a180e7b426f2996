package dev.sluice.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final TestClock clock = TestClock.atEpoch();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainModePrintsAStartLinePeriodicLinesAndTheEnd() {
        ConsoleProgress progress = new ConsoleProgress(err, clock, false, Duration.ofSeconds(5));
        progress.streamStarted("employees", "employees", "full refresh");
        for (long record = 1; record <= 4096; record++) {
            clock.advance(Duration.ofMillis(2)); // 4096 records in 8.2 s: one periodic line after 5 s
            progress.recordLoaded("employees", record);
        }
        progress.streamFinished(new StreamResult("employees", "employees", "full refresh", 4096, 4096,
                Duration.ofMillis(8192), null));

        assertThat(printed().lines().toList()).containsExactly(
                "employees: started (full refresh) into table employees",
                "employees: 2,500 records, 500 records/s, 5.0 s elapsed",
                "employees: done, 4,096 records in 8.2 s (500 records/s)");
    }

    @Test
    void liveModeRedrawsOneLineAndEndsItWithTheOutcome() {
        ConsoleProgress progress = new ConsoleProgress(err, clock, true, Duration.ofSeconds(5));
        progress.streamStarted("orders", "orders", "incremental, deduped");
        clock.set(Instant.ofEpochMilli(1000));
        progress.recordLoaded("orders", 256);
        progress.recordLoaded("orders", 257); // within 100 ms of the last redraw: not drawn
        progress.streamFinished(new StreamResult("orders", "orders", "incremental, deduped", 300, 256,
                Duration.ofSeconds(2), "HTTP 500"));

        String out = printed();
        assertThat(out).startsWith("\r\033[K" + "orders").contains("██████").contains("256 records")
                .contains("256/s").doesNotContain("257 records").endsWith("\r\033[Korders: FAILED: HTTP 500, 300 records in 2.0 s (150 records/s)\n");
        assertThat(out.chars().filter(c -> c == '\n').count()).as("one line, redrawn in place").isEqualTo(1);
    }

    @Test
    void theSummaryHasARowPerStreamAndNamesTheFailures() {
        SyncResult result = new SyncResult("jdbc:duckdb:/tmp/x.duckdb", List.of(
                new StreamResult("employees", "employees", "full refresh", 5000, 5000, Duration.ofMillis(2500), null),
                new StreamResult("orders", "orders", "incremental, deduped", 120, 100, Duration.ofMillis(900),
                        "HTTP 503")), Duration.ofSeconds(4));

        assertThat(SummaryTable.format(result).lines().toList()).containsExactly("",
                "Synced 5,120 records into jdbc:duckdb:/tmp/x.duckdb in 4.0 s (1 of 2 streams FAILED)",
                "  stream                   table                    mode                                records    records/s   elapsed  status",
                "  employees                employees                full refresh                          5,000        2,000     2.5 s  ok",
                "  orders                   orders                   incremental, deduped                    120          133    900 ms  FAILED (100 records kept for the next sync): HTTP 503");
    }
}

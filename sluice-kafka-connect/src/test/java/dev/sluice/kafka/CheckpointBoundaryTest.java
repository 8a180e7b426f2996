package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records a resumed incremental read repeats at its checkpoint's cursor value, and only those, are dropped. */
class CheckpointBoundaryTest {

    private static ObjectNode record(int id, String updatedAt) {
        return Json.object().put("id", id).put("updated_at", updatedAt);
    }

    @Test
    void theRecordsAtTheLastCheckpointsCursorValueAreSeenAfterAResume() {
        CheckpointBoundary boundary = CheckpointBoundary.of(List.of("updated_at"), null);
        boundary.observe(record(1, "2024-01-01"));
        boundary.observe(record(2, "2024-01-03"));
        boundary.observe(record(3, "2024-01-03"));
        boundary.observe(record(4, "2024-01-02"));
        boundary.checkpoint();
        String stored = boundary.encode();
        assertThat(stored).contains("\"cursor\":\"2024-01-03\"");

        CheckpointBoundary resumed = CheckpointBoundary.of(List.of("updated_at"),
                Map.of("state", "{}", CheckpointBoundary.KEY, stored));
        assertThat(resumed.seen(record(2, "2024-01-03"))).as("read again unchanged").isTrue();
        assertThat(resumed.seen(record(3, "2024-01-03"))).isTrue();
        assertThat(resumed.seen(record(5, "2024-01-03"))).as("a new record at the same cursor value").isFalse();
        assertThat(resumed.seen(record(2, "2024-01-04"))).as("the record changed since").isFalse();
        assertThat(resumed.seen(Json.object().put("id", 2).put("updated_at", "2024-01-03").put("name", "x")))
                .isFalse();
    }

    @Test
    void recordsDroppedWithAFailedReadLeaveNothingInTheNextBoundary() {
        CheckpointBoundary boundary = CheckpointBoundary.of(List.of("updated_at"), null);
        boundary.observe(record(1, "2024-01-05"));
        boundary.observe(record(2, "2024-01-09"));
        // The read failed before its checkpoint; read again, the data has changed: record 2 is no longer there.
        boundary.rewind();
        boundary.observe(record(1, "2024-01-05"));
        boundary.observe(record(3, "2024-01-07"));
        boundary.checkpoint();

        CheckpointBoundary resumed = CheckpointBoundary.of(List.of("updated_at"),
                Map.of("state", "{}", CheckpointBoundary.KEY, boundary.encode()));
        assertThat(resumed.seen(record(3, "2024-01-07"))).as("the last record the checkpoint covers").isTrue();
        assertThat(resumed.seen(record(2, "2024-01-09"))).as("a record that was never written").isFalse();
    }

    @Test
    void anIntervalWithoutRecordsKeepsTheBoundaryAndAStreamWithoutCursorHasNone() {
        CheckpointBoundary boundary = CheckpointBoundary.of(List.of("updated_at"), null);
        assertThat(boundary.encode()).isNull();
        boundary.observe(record(7, "2024-02-01"));
        boundary.checkpoint();
        String first = boundary.encode();
        boundary.checkpoint();
        assertThat(boundary.encode()).isEqualTo(first);
        assertThat(CheckpointBoundary.of(List.of(), null)).isNull();
    }
}

package dev.sluice.declarative.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.fixtures.Components;
import dev.sluice.source.StreamState;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The time of a state's cursor, which {@code api_retention_period} compares with the retention's cutoff. */
class StateCursorTimeTest {

    private static final String DATETIME = """
            type: DatetimeBasedCursor
            cursor_field: updated_at
            datetime_format: "%Y-%m-%dT%H:%M:%SZ"
            start_datetime: "2020-01-01T00:00:00Z"
            """;

    private static Optional<Instant> time(String cursorYaml, String state) {
        return Components.bind(cursorYaml, IncrementalSyncSpec.class)
                .stateCursorTime(StreamState.of(Components.json(state)), Components.context(), "items");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "at the top | {\"updated_at\": \"2024-03-01T10:00:00Z\"} | 2024-03-01T10:00:00Z",
        "the global cursor of a per-partition state | {\"state\": {\"updated_at\": \"2024-03-02T00:00:00Z\"},"
                + " \"states\": []} | 2024-03-02T00:00:00Z",
        "the first slice's most recent value | {\"slices\": [{\"start\": \"2024-01-01T00:00:00Z\", \"end\":"
                + " \"2024-02-01T00:00:00Z\", \"most_recent_cursor_value\": \"2024-01-15T00:00:00Z\"}]}"
                + " | 2024-01-15T00:00:00Z",
        "the first slice's end | {\"slices\": [{\"start\": \"2024-01-01T00:00:00Z\", \"end\": \"2024-02-01T00:00:00Z\"}]}"
                + " | 2024-02-01T00:00:00Z",
        "missing | {\"other\": 1} | null",
        "empty | {\"updated_at\": \"\"} | null",
        "unreadable | {\"updated_at\": \"yesterday\"} | null",
    })
    void aDatetimeCursorReadsItsValueWhereverTheStateKeepsIt(String name, String state, String expected) {
        assertThat(time(DATETIME, state)).isEqualTo(Optional.ofNullable(expected).map(Instant::parse));
    }

    @Test
    void aCursorWithoutTimeCannotJudgeTheAge() {
        assertThat(time("{type: IncrementingCountCursor, cursor_field: id, start_value: 0}", "{\"id\": 25}"))
                .isEmpty();
    }
}

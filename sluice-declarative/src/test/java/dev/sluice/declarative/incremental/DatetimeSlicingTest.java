package dev.sluice.declarative.incremental;

import static dev.sluice.declarative.TestManifests.clockAt;
import static dev.sluice.declarative.TestManifests.context;
import static dev.sluice.declarative.TestManifests.object;
import static dev.sluice.declarative.TestManifests.streamWithCursor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.source.StreamState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference's slice tables (incremental.md §3 and the concurrent cursor's unit tests). */
class DatetimeSlicingTest {

    /** Declarative integration test: {@code %Y-%m-%d}, granularity P1D, lookback P5D, start 07-01, now 09-10. */
    static Stream<Arguments> declarativeTable() {
        String dateRange = """
                {"state_type": "date-range", "slices": [
                  {"start": "2024-07-16", "end": "2024-07-30"}, {"start": "2024-07-31", "end": "2024-08-14"},
                  {"start": "2024-08-30", "end": "2024-09-09"}]}""";
        return Stream.of(
                Arguments.of("P15D", "{}", List.of("2024-07-01..2024-07-15", "2024-07-16..2024-07-30",
                        "2024-07-31..2024-08-14", "2024-08-15..2024-08-29", "2024-08-30..2024-09-10")),
                Arguments.of("P1M", "{}", List.of("2024-07-01..2024-07-31", "2024-08-01..2024-08-31",
                        "2024-09-01..2024-09-10")),
                Arguments.of("P1M", "{\"updated_at\": \"2024-08-06\"}", List.of("2024-08-01..2024-08-31",
                        "2024-09-01..2024-09-10")),
                Arguments.of("P15D", "{\"updated_at\": \"2024-08-21\"}", List.of("2024-08-16..2024-08-30",
                        "2024-08-31..2024-09-10")),
                Arguments.of("P15D", dateRange, List.of("2024-07-01..2024-07-15", "2024-08-15..2024-08-29",
                        "2024-09-04..2024-09-10")),
                Arguments.of("P1M", "{\"state_type\": \"date-range\", \"slices\": [{\"start\": \"2024-07-01\", "
                        + "\"end\": \"2024-07-31\"}]}", List.of("2024-07-26..2024-08-25", "2024-08-26..2024-09-10")));
    }

    @ParameterizedTest(name = "step {0}, state {1}")
    @MethodSource("declarativeTable")
    void slicesLikeTheReference(String step, String state, List<String> expected) {
        String cursor = """
                type: DatetimeBasedCursor
                cursor_field: updated_at
                datetime_format: "%Y-%m-%d"
                start_datetime: "2024-07-01"
                step: STEP
                cursor_granularity: P1D
                lookback_window: P5D
                partition_field_start: start
                partition_field_end: end
                """.replace("STEP", step);
        assertThat(windows(cursor, state, clockAt("2024-09-10T00:00:00Z"), "start", "end")).isEqualTo(expected);
    }

    /** The concurrent cursor's epoch unit tests, through {@code %s} (values are written as strings). */
    static Stream<Arguments> epochTable() {
        return Stream.of(
                Arguments.of("step: PT10S\ncursor_granularity: PT1S", "{\"state_type\": \"date-range\", \"slices\": "
                        + "[{\"start\": 0, \"end\": 20}]}", List.of("20..29", "30..39", "40..50")),
                Arguments.of("lookback_window: PT10S", "{\"state_type\": \"date-range\", \"slices\": [{\"start\": 0, "
                        + "\"end\": 20}, {\"start\": 30, \"end\": 40}]}", List.of("20..30", "30..50")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("epochTable")
    void slicesEpochValuesLikeTheReference(String settings, String state, List<String> expected) {
        String cursor = """
                type: DatetimeBasedCursor
                cursor_field: updated_at
                datetime_format: "%s"
                start_datetime: "1"
                """ + settings + "\n";
        assertThat(windows(cursor, state, clockAt("1970-01-01T00:00:50Z"), "start_time", "end_time"))
                .isEqualTo(expected);
    }

    static Stream<Arguments> clampingTable() {
        return Stream.of(
                Arguments.of("{target: MONTH}", "P27D", "2025-01-03T00:00:00Z", List.of(
                        "2024-01-01..2024-01-31", "2024-02-01..2024-02-29", "2024-03-01..2024-03-31",
                        "2024-04-01..2024-04-30", "2024-05-01..2024-05-31", "2024-06-01..2024-06-30",
                        "2024-07-01..2024-07-31", "2024-08-01..2024-08-31", "2024-09-01..2024-09-30",
                        "2024-10-01..2024-10-31", "2024-11-01..2024-11-30", "2024-12-01..2024-12-31")),
                Arguments.of("{target: WEEK, target_details: {weekday: TUESDAY}}", "P7D", "2024-01-31T00:00:00Z",
                        List.of("2024-01-02..2024-01-08", "2024-01-09..2024-01-15", "2024-01-16..2024-01-22",
                                "2024-01-23..2024-01-29")),
                Arguments.of("{target: DAY}", "P1D", "2024-01-03T12:00:00Z",
                        List.of("2024-01-01..2024-01-01")));
    }

    @ParameterizedTest(name = "clamping {0}")
    @MethodSource("clampingTable")
    void clampsWindowsToPeriods(String clamping, String step, String now, List<String> expected) {
        String cursor = """
                type: DatetimeBasedCursor
                cursor_field: updated_at
                datetime_format: "%Y-%m-%d"
                start_datetime: "2023-12-31"
                step: STEP
                cursor_granularity: P1D
                clamping: CLAMPING
                """.replace("STEP", step).replace("CLAMPING", clamping);
        assertThat(windows(cursor, "{}", clockAt(now), "start_time", "end_time")).isEqualTo(expected);
    }

    static List<String> windows(String cursorYaml, String state, Clock clock, String startKey, String endKey) {
        IncrementalSync sync = streamWithCursor(cursorYaml).incrementalSync().build(context("{}", clock), "items");
        StreamCursor cursor = sync.cursor(new StreamState(object(state)), null);
        List<String> result = new ArrayList<>();
        cursor.slices((StreamSlice slice) -> result.add(slice.cursorSlice().path(startKey).asText() + ".."
                + slice.cursorSlice().path(endKey).asText()));
        return result;
    }
}

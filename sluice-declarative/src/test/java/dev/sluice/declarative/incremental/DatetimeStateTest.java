package dev.sluice.declarative.incremental;

import static dev.sluice.declarative.TestManifests.clockAt;
import static dev.sluice.declarative.TestManifests.context;
import static dev.sluice.declarative.TestManifests.json;
import static dev.sluice.declarative.TestManifests.normalized;
import static dev.sluice.declarative.TestManifests.object;
import static dev.sluice.declarative.TestManifests.streamWithCursor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a datetime cursor checkpoints (incremental.md §4). */
class DatetimeStateTest {

    private static final String MONTHLY = """
            type: DatetimeBasedCursor
            cursor_field: updated_at
            datetime_format: "%Y-%m-%d"
            start_datetime: "2024-07-01"
            step: P1M
            cursor_granularity: P1D
            """;

    private static StreamCursor cursor(String yaml, String state, String now) {
        return streamWithCursor(yaml).incrementalSync().build(context("{}", clockAt(now)), "items")
                .cursor(new StreamState(object(state)), null);
    }

    private static List<StreamSlice> slices(StreamCursor cursor) {
        List<StreamSlice> slices = new ArrayList<>();
        cursor.slices(slices::add);
        return slices;
    }

    @Test
    void aWindowClosingAfterAGapDoesNotAdvanceTheState() {
        StreamCursor cursor = cursor(MONTHLY, "{}", "2024-09-10T00:00:00Z");
        List<StreamSlice> windows = slices(cursor);
        cursor.observe(windows.get(1), object("{\"updated_at\": \"2024-08-10\"}"));

        assertThat(cursor.close(windows.get(1))).contains(new StreamState(object("{\"updated_at\": \"2024-07-01\"}")));
        cursor.observe(windows.get(0), object("{\"updated_at\": \"2024-07-10\"}"));
        assertThat(cursor.close(windows.get(0))).contains(new StreamState(object("{\"updated_at\": \"2024-08-10\"}")));
        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("{\"updated_at\": \"2024-08-10\"}"));
    }

    @Test
    void aFailedWindowIsNeverClaimed() {
        StreamCursor cursor = cursor(MONTHLY, "{}", "2024-09-10T00:00:00Z");
        List<StreamSlice> windows = slices(cursor);
        cursor.observe(windows.get(0), object("{\"updated_at\": \"2024-07-10\"}"));
        cursor.close(windows.get(0));
        cursor.observe(windows.get(1), object("{\"updated_at\": \"2024-08-20\"}"));
        cursor.observe(windows.get(2), object("{\"updated_at\": \"2024-09-05\"}"));
        cursor.close(windows.get(2));

        assertThat(normalized(cursor.finalState().json())).as("window 2 failed, so nothing after 07-10 is claimed")
                .isEqualTo(json("{\"updated_at\": \"2024-07-10\"}"));
    }

    @Test
    void recordsWithoutACursorValueLeaveTheStateAlone() {
        StreamCursor cursor = cursor(MONTHLY, "{\"updated_at\": \"2024-08-06\"}", "2024-09-10T00:00:00Z");
        List<StreamSlice> windows = slices(cursor);
        windows.forEach(window -> {
            cursor.observe(window, object("{\"id\": 1}"));
            cursor.observe(window, object("{\"id\": 2, \"updated_at\": \"not a date\"}"));
            cursor.close(window);
        });

        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("{\"updated_at\": \"2024-08-06\"}"));
    }

    @Test
    void otherKeysOfTheIncomingStateAreCarriedAlong() {
        StreamCursor cursor = cursor(MONTHLY, "{\"__ab_no_cursor_state_message\": true, \"updated_at\": \"2024-09-05\"}",
                "2024-09-10T00:00:00Z");
        StreamSlice only = slices(cursor).get(0);
        cursor.observe(only, object("{\"updated_at\": \"2024-09-07\"}"));
        cursor.close(only);

        assertThat(normalized(cursor.finalState().json()))
                .isEqualTo(json("{\"__ab_no_cursor_state_message\": true, \"updated_at\": \"2024-09-07\"}"));
    }

    @Test
    void aStateOlderThanTheStartIsIgnored() {
        StreamCursor cursor = cursor(MONTHLY, "{\"updated_at\": \"2023-01-01\"}", "2024-08-10T00:00:00Z");

        assertThat(slices(cursor).get(0).cursorSlice().path("start_time").asText()).isEqualTo("2024-07-01");
        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("{\"updated_at\": \"2024-07-01\"}"));
    }

    @Test
    void aConcurrentStateIsReadAndWrittenBackInTheSequentialForm() {
        StreamCursor cursor = cursor(MONTHLY, """
                {"state_type": "date-range", "slices": [{"start": "2024-07-01", "end": "2024-08-31",
                 "most_recent_cursor_value": "2024-08-20"}]}""", "2024-09-10T00:00:00Z");

        assertThat(slices(cursor)).extracting(slice -> slice.cursorSlice().path("start_time").asText())
                .containsExactly("2024-08-31");
        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("{\"updated_at\": \"2024-08-20\"}"));
        StreamCursor empty = cursor(MONTHLY, "{\"state_type\": \"date-range\", \"slices\": []}",
                "2024-08-10T00:00:00Z");
        assertThat(slices(empty)).extracting(slice -> slice.cursorSlice().path("start_time").asText())
                .as("a concurrent state without slices claims nothing").containsExactly("2024-07-01", "2024-08-01");
    }

    @Test
    void aRecordNewerThanItsWindowStillCounts() {
        StreamCursor cursor = cursor(MONTHLY, "{}", "2024-07-20T00:00:00Z");
        StreamSlice only = slices(cursor).get(0);
        cursor.observe(only, object("{\"updated_at\": \"2024-12-24\"}"));
        cursor.close(only);

        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("{\"updated_at\": \"2024-12-24\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "%s|1609459200",
            "%ms|1609459200000",
            "%s_as_float|1609459200.0",
            "%epoch_microseconds|1609459200000000",
            "%Y-%m-%dT%H:%M:%S.%f%z|2021-01-01T00:00:00.000000+0000",
            "%Y-%m-%dT%H:%M:%S.%_msZ|2021-01-01T00:00:00.000Z"})
    void writesStateAsTextInTheDatetimeFormat(String format, String expected) {
        String yaml = """
                type: DatetimeBasedCursor
                cursor_field: updated_at
                datetime_format: "FORMAT"
                cursor_datetime_formats: ["%Y-%m-%d"]
                start_datetime: {type: MinMaxDatetime, datetime: "2020-06-01", datetime_format: "%Y-%m-%d"}
                """.replace("FORMAT", format);
        StreamCursor cursor = cursor(yaml, "{}", "2021-06-01T00:00:00Z");
        StreamSlice only = slices(cursor).get(0);
        cursor.observe(only, object("{\"updated_at\": \"2021-01-01\"}"));
        cursor.close(only);

        assertThat(cursor.finalState().json().get("updated_at").isTextual()).isTrue();
        assertThat(cursor.finalState().json().get("updated_at").asText()).isEqualTo(expected);
    }

    @Test
    void readsRecordValuesWithEachCursorDatetimeFormatInTurn() {
        String yaml = """
                type: DatetimeBasedCursor
                cursor_field: updated_at
                datetime_format: "%Y-%m-%d"
                cursor_datetime_formats: ["%s", "%Y-%m-%dT%H:%M:%SZ"]
                start_datetime: "2024-01-01"
                """;
        StreamCursor cursor = cursor(yaml, "{}", "2024-03-01T00:00:00Z");
        StreamSlice only = slices(cursor).get(0);
        cursor.observe(only, object("{\"updated_at\": 1706745600}"));
        cursor.observe(only, object("{\"updated_at\": \"2024-01-15T10:00:00Z\"}"));
        cursor.close(only);

        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("{\"updated_at\": \"2024-02-01\"}"));
    }

    @Test
    void shouldBeSyncedUsesTheSyncStartWithoutLookbackAndTheEnd() {
        String yaml = """
                type: DatetimeBasedCursor
                cursor_field: updated_at
                datetime_format: "%Y-%m-%d"
                start_datetime: "2024-01-01"
                end_datetime: "2024-06-30"
                lookback_window: P10D
                is_client_side_incremental: true
                """;
        StreamCursor cursor = cursor(yaml, "{\"updated_at\": \"2024-03-01\"}", "2024-09-01T00:00:00Z");
        StreamSlice only = slices(cursor).get(0);

        assertThat(only.cursorSlice().path("start_time").asText()).as("the lookback moves the window").isEqualTo(
                "2024-02-20");
        assertThat(cursor.shouldBeSynced(only, object("{\"updated_at\": \"2024-02-25\"}"))).isFalse();
        assertThat(cursor.shouldBeSynced(only, object("{\"updated_at\": \"2024-03-01\"}"))).isTrue();
        assertThat(cursor.shouldBeSynced(only, object("{\"updated_at\": \"2024-06-30\"}"))).isTrue();
        assertThat(cursor.shouldBeSynced(only, object("{\"updated_at\": \"2024-07-01\"}"))).isFalse();
        assertThat(cursor.shouldBeSynced(only, object("{\"id\": 3}"))).as("no cursor value: kept").isTrue();
    }
}

package dev.sluice.declarative.incremental;

import static dev.sluice.declarative.TestManifests.clockAt;
import static dev.sluice.declarative.TestManifests.context;
import static dev.sluice.declarative.TestManifests.json;
import static dev.sluice.declarative.TestManifests.normalized;
import static dev.sluice.declarative.TestManifests.object;
import static dev.sluice.declarative.TestManifests.streamWithCursor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's IncrementingCountCursor rules (incremental.md §6). */
class IncrementingCountCursorTest {

    private static IncrementalSync sync(String startValue) {
        return streamWithCursor("""
                type: IncrementingCountCursor
                cursor_field: id
                start_value: START
                start_value_option: {type: RequestOption, inject_into: request_parameter, field_name: since_id}
                """.replace("START", startValue)).incrementalSync()
                .build(context("{\"first_id\": 5}", clockAt("2024-01-01T00:00:00Z")), "items");
    }

    private static StreamSlice onlySlice(StreamCursor cursor) {
        List<StreamSlice> slices = new ArrayList<>();
        cursor.slices(slices::add);
        assertThat(slices).hasSize(1);
        return slices.get(0);
    }

    @ParameterizedTest(name = "start_value {0}, state {1}: slice starts at {2}")
    @CsvSource(delimiter = '|', value = {
            "10|{}|10",
            "10|{\"id\": 25}|25",
            "10|{\"id\": 3}|10",
            "\"{{ config['first_id'] }}\"|{}|5",
            "0|{\"id\": 0}|0"})
    void oneSliceFromTheGreaterOfStartValueAndState(String startValue, String state, long expected) {
        IncrementalSync sync = sync(startValue);
        StreamSlice slice = onlySlice(sync.cursor(new StreamState(object(state)), null));

        assertThat(slice.cursorSlice().get("start").asLong()).isEqualTo(expected);
        assertThat(slice.cursorSlice().get("end").asDouble()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(sync.requestOptions(slice).parameterText("since_id")).isEqualTo(Long.toString(expected));
    }

    @Test
    void checkpointsTheGreatestValueOnceTheSliceIsRead() {
        StreamCursor cursor = sync("10").cursor(new StreamState(object("{\"id\": 20, \"other\": \"kept\"}")), null);
        StreamSlice slice = onlySlice(cursor);
        cursor.observe(slice, object("{\"id\": 31}"));
        cursor.observe(slice, object("{\"id\": 27}"));

        assertThat(normalized(cursor.finalState().json())).as("before the slice closes, nothing is claimed")
                .isEqualTo(json("{\"id\": 20, \"other\": \"kept\"}"));
        assertThat(cursor.close(slice)).contains(new StreamState(object("{\"id\": 31, \"other\": \"kept\"}")));
        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("{\"id\": 31, \"other\": \"kept\"}"));
    }

    @Test
    void noCheckpointOnCloseWithoutAValueButOneAtTheEnd() {
        StreamCursor cursor = sync("10").cursor(StreamState.empty(), null);
        StreamSlice slice = onlySlice(cursor);
        cursor.observe(slice, object("{\"name\": \"no id\"}"));

        assertThat(cursor.close(slice)).isEmpty();
        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("{\"id\": 10}"));
    }

    @Test
    void valuesBelowTheSyncStartDoNotLowerTheState() {
        StreamCursor cursor = sync("10").cursor(new StreamState(object("{\"id\": 40}")), null);
        StreamSlice slice = onlySlice(cursor);
        cursor.observe(slice, object("{\"id\": 12}"));
        cursor.close(slice);

        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("{\"id\": 40}"));
        assertThat(cursor.shouldBeSynced(slice, object("{\"id\": 39}"))).isFalse();
        assertThat(cursor.shouldBeSynced(slice, object("{\"id\": 40}"))).isTrue();
    }

    @Test
    void cannotBeCombinedWithAPartitionRouter() {
        IncrementalSync sync = sync("0");
        assertThatThrownBy(() -> sync.cursor(StreamState.empty(), new FakeRouter(List.of())))
                .isInstanceOf(ManifestException.class).hasMessageContaining("IncrementingCountCursor");
        assertThat(sync.requestOptions(StreamSlice.EMPTY)).isEqualTo(RequestOptions.NONE);
    }
}

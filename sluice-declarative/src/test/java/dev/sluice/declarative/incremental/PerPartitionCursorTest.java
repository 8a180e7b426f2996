package dev.sluice.declarative.incremental;

import static dev.sluice.declarative.TestManifests.context;
import static dev.sluice.declarative.TestManifests.json;
import static dev.sluice.declarative.TestManifests.normalized;
import static dev.sluice.declarative.TestManifests.object;
import static dev.sluice.declarative.TestManifests.streamWithCursor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.source.StreamState;
import dev.sluice.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The per-partition cursor's state shape and rules (incremental.md §5, the reference's unit tests). */
class PerPartitionCursorTest {

    private static final String CURSOR = """
            type: DatetimeBasedCursor
            cursor_field: updated_at
            datetime_format: "%Y-%m-%dT%H:%M:%SZ"
            start_datetime: "2023-12-01T00:00:00Z"
            """;
    private static final String INCOMING = """
            {"states": [{"partition": {"id": "1"}, "cursor": {"updated_at": "2024-01-01T00:00:00Z"}}],
             "state": {"updated_at": "2024-01-01T00:00:00Z"},
             "lookback_window": 86400,
             "parent_state": {"posts": {"updated_at": "2024-01-01T00:00:00Z"}}}""";

    private final TestClock clock = TestClock.at(Instant.parse("2024-01-10T00:00:00Z"));

    private StreamCursor cursor(String yaml, String state, FakeRouter router) {
        return streamWithCursor(yaml).incrementalSync().build(context("{}", clock), "comments")
                .cursor(new StreamState(object(state)), router);
    }

    private static FakeRouter twoPartitions() {
        return new FakeRouter(List.of(object("{\"id\": \"1\"}"), object("{\"id\": \"2\"}")),
                List.of(object("{\"posts\": {\"updated_at\": \"2024-01-04T00:00:00Z\"}}"),
                        object("{\"posts\": {\"updated_at\": \"2024-01-05T00:00:00Z\"}}")),
                object("{\"posts\": {\"updated_at\": \"2024-01-06T00:00:00Z\"}}"));
    }

    private static List<StreamSlice> slices(StreamCursor cursor) {
        List<StreamSlice> slices = new ArrayList<>();
        cursor.slices(slices::add);
        return slices;
    }

    private static void read(StreamCursor cursor, StreamSlice slice, String... cursorValues) {
        for (String value : cursorValues) {
            cursor.observe(slice, object("{\"updated_at\": \"" + value + "\"}"));
        }
        cursor.close(slice);
    }

    @Test
    void partitionsStartFromTheirOwnStateOrFromTheGlobalStateMinusTheLookback() {
        List<StreamSlice> slices = slices(cursor(CURSOR, INCOMING, twoPartitions()));

        assertThat(slices).extracting(slice -> slice.partition().get("id").asText() + " from "
                + slice.cursorSlice().get("start_time").asText()).containsExactly(
                "1 from 2024-01-01T00:00:00Z", "2 from 2023-12-31T00:00:00Z");
    }

    @Test
    void anUnfinishedFirstPartitionHoldsBackTheGlobalStateAndTheParentState() {
        StreamCursor cursor = cursor(CURSOR, INCOMING, twoPartitions());
        List<StreamSlice> slices = slices(cursor);
        read(cursor, slices.get(1), "2024-01-03T00:00:00Z");

        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("""
                {"use_global_cursor": false,
                 "states": [{"partition": {"id": "1"}, "cursor": {"updated_at": "2024-01-01T00:00:00Z"}},
                            {"partition": {"id": "2"}, "cursor": {"updated_at": "2024-01-03T00:00:00Z"}}],
                 "state": {"updated_at": "2024-01-01T00:00:00Z"},
                 "lookback_window": 86400,
                 "parent_state": {"posts": {"updated_at": "2024-01-01T00:00:00Z"}}}"""));
    }

    @Test
    void anUnfinishedLastPartitionLetsTheParentStateAdvanceUpToIt() {
        StreamCursor cursor = cursor(CURSOR, INCOMING, twoPartitions());
        List<StreamSlice> slices = slices(cursor);
        read(cursor, slices.get(0), "2024-01-02T00:00:00Z");

        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("""
                {"use_global_cursor": false,
                 "states": [{"partition": {"id": "1"}, "cursor": {"updated_at": "2024-01-02T00:00:00Z"}},
                            {"partition": {"id": "2"}, "cursor": {"updated_at": "2023-12-31T00:00:00Z"}}],
                 "state": {"updated_at": "2024-01-01T00:00:00Z"},
                 "lookback_window": 86400,
                 "parent_state": {"posts": {"updated_at": "2024-01-04T00:00:00Z"}}}"""));
    }

    @Test
    void whenEveryPartitionFinishedTheGlobalStateLookbackAndParentStateAdvance() {
        StreamCursor cursor = cursor(CURSOR, INCOMING, twoPartitions());
        List<StreamSlice> slices = slices(cursor);
        read(cursor, slices.get(1), "2024-01-03T00:00:00Z", "2024-01-07T12:00:00Z");
        read(cursor, slices.get(0), "2024-01-02T00:00:00Z");
        clock.advance(Duration.ofSeconds(89).plusMillis(200));

        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("""
                {"use_global_cursor": false,
                 "states": [{"partition": {"id": "1"}, "cursor": {"updated_at": "2024-01-02T00:00:00Z"}},
                            {"partition": {"id": "2"}, "cursor": {"updated_at": "2024-01-07T12:00:00Z"}}],
                 "state": {"updated_at": "2024-01-07T12:00:00Z"},
                 "lookback_window": 90,
                 "parent_state": {"posts": {"updated_at": "2024-01-06T00:00:00Z"}}}"""));
    }

    @Test
    void withoutRecordValuesTheGlobalStateAndLookbackStay() {
        StreamCursor cursor = cursor(CURSOR, INCOMING, twoPartitions());
        slices(cursor).forEach(slice -> {
            cursor.observe(slice, object("{\"id\": \"vote without a cursor value\"}"));
            cursor.close(slice);
        });

        ObjectNode state = cursor.finalState().json();
        assertThat(state.get("state")).isEqualTo(json("{\"updated_at\": \"2024-01-01T00:00:00Z\"}"));
        assertThat(state.get("lookback_window").asLong()).isEqualTo(86400);
        assertThat(state.get("parent_state")).isEqualTo(json("{\"posts\": {\"updated_at\": \"2024-01-06T00:00:00Z\"}}"));
    }

    @Test
    void aPlainStateIsTheGlobalStateOfEveryPartition() {
        StreamCursor cursor = cursor(CURSOR, "{\"updated_at\": \"2024-01-05T00:00:00Z\"}", twoPartitions());

        assertThat(slices(cursor)).extracting(slice -> slice.cursorSlice().get("start_time").asText())
                .containsExactly("2024-01-05T00:00:00Z", "2024-01-05T00:00:00Z");
    }

    @Test
    void checkpointsOnCloseAreThrottledToOneEveryTenMinutes() {
        FakeRouter router = new FakeRouter(IntStream.range(0, 3).mapToObj(i -> object("{\"id\": " + i + "}")).toList());
        StreamCursor cursor = cursor(CURSOR, "{}", router);
        List<StreamSlice> slices = slices(cursor);

        assertThat(cursor.close(slices.get(0))).isPresent();
        clock.advance(Duration.ofSeconds(600));
        assertThat(cursor.close(slices.get(1))).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cursor.close(slices.get(2))).isPresent();
    }

    @Test
    void moreThanTenThousandPartitionsFallBackToOneGlobalCursor() {
        assertThat(afterPartitions(10_001).json().get("use_global_cursor").asBoolean())
                .as("the switch happens when a partition is generated after 10,000 were counted").isFalse();

        StreamState fallen = afterPartitions(10_002);
        assertThat(fallen.json().get("use_global_cursor").asBoolean()).isTrue();
        assertThat(fallen.json().has("states")).isFalse();
        assertThat(fallen.json().get("state")).isEqualTo(json("{\"updated_at\": \"2024-01-09T00:00:00Z\"}"));
    }

    private StreamState afterPartitions(int count) {
        FakeRouter router = new FakeRouter(IntStream.range(0, count).mapToObj(i -> object("{\"id\": " + i + "}")).toList());
        StreamCursor cursor = cursor(CURSOR, "{}", router);
        List<StreamSlice> slices = slices(cursor);
        read(cursor, slices.get(0), "2024-01-09T00:00:00Z");
        slices.subList(1, slices.size()).forEach(cursor::close);
        return cursor.finalState();
    }

    @Test
    void aGlobalSubstreamCursorKeepsOneStateAndSkipsCheckpointsWithoutParentState() {
        String global = CURSOR + "global_substream_cursor: true\n";
        FakeRouter router = new FakeRouter(List.of(object("{\"id\": 1}"), object("{\"id\": 2}")), List.of(), null);
        StreamCursor cursor = cursor(global, "{}", router);
        List<StreamSlice> slices = slices(cursor);
        cursor.observe(slices.get(0), object("{\"updated_at\": \"2024-01-08T00:00:00Z\"}"));

        assertThat(cursor.close(slices.get(0))).isEmpty();
        cursor.close(slices.get(1));
        clock.advance(Duration.ofMillis(1500));
        assertThat(normalized(cursor.finalState().json())).isEqualTo(json("""
                {"use_global_cursor": true, "state": {"updated_at": "2024-01-08T00:00:00Z"}, "lookback_window": 2}"""));
    }

    @Test
    void aDuplicatePartitionIsReadOnce() {
        FakeRouter router = new FakeRouter(List.of(object("{\"id\": 1}"), object("{\"id\": 1}"), object("{\"id\": 2}")));

        assertThat(slices(cursor(CURSOR, "{}", router))).extracting(slice -> slice.partition().get("id").asInt())
                .containsExactly(1, 2);
    }

    @Test
    void partitionsAreWrittenWithSortedKeys() {
        FakeRouter router = new FakeRouter(List.of(object("{\"parent_slice\": {\"z\": 1, \"a\": 2}, \"id\": 7}")));
        StreamCursor cursor = cursor(CURSOR, "{}", router);
        Optional<StreamState> checkpoint = cursor.close(slices(cursor).get(0));

        assertThat(checkpoint).isPresent();
        assertThat(checkpoint.get().json().get("states").get(0).get("partition").toString())
                .isEqualTo("{\"id\":7,\"parent_slice\":{\"a\":2,\"z\":1}}");
    }
}

package dev.sluice.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;

class CheckpointingStreamsTest {

    private final RunContext run = RunContext.named("test");

    @AfterEach
    void closeRun() {
        run.close();
    }

    /** Records what a stream delivers, as text. */
    static final class Transcript implements StreamSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void record(ObjectNode data) {
            events.add("R" + data.get("id").asInt());
        }

        @Override
        public void checkpoint(StreamState state) {
            events.add("S" + Json.write(state.json()));
        }
    }

    /** Ten records with cursor values 10..100, two slices of five. */
    static final class Events extends IncrementalStream {
        final List<String> readSlices = new ArrayList<>();

        @Override
        public List<String> cursorField() {
            return List.of("ts");
        }

        @Override
        public ObjectNode jsonSchema() {
            return Json.object();
        }

        @Override
        protected List<Slice> slices(StreamState state) {
            return List.of(new Slice(Json.object().put("half", 0)), new Slice(Json.object().put("half", 1)));
        }

        @Override
        protected int checkpointInterval() {
            return 2;
        }

        @Override
        protected Iterator<ObjectNode> records(Slice slice, StreamState state) {
            readSlices.add(slice.get("half"));
            long after = state.get("ts").map(n -> n.asLong()).orElse(0L);
            int half = slice.values().get("half").asInt();
            return IntStream.range(half * 5, half * 5 + 5)
                    .filter(i -> (i + 1) * 10L > after)
                    .mapToObj(i -> Json.object().put("id", i).put("ts", (i + 1) * 10)).iterator();
        }
    }

    @Test
    void incrementalCheckpointsEveryNRecordsAndAtSliceEnds() {
        Transcript sink = new Transcript();
        new Events().read(ReadRequest.incremental(StreamState.empty(), run), sink);
        assertThat(sink.events).containsExactly(
                "R0", "R1", "S{\"ts\":20}", "R2", "R3", "S{\"ts\":40}", "R4", "S{\"ts\":50}",
                "R5", "R6", "S{\"ts\":70}", "R7", "R8", "S{\"ts\":90}", "R9", "S{\"ts\":100}");
    }

    @Test
    void incrementalResumesFromStateAndKeepsItWhenNothingIsNew() {
        Transcript sink = new Transcript();
        new Events().read(ReadRequest.incremental(new StreamState(Json.object().put("ts", 80)), run), sink);
        assertThat(sink.events).containsExactly("S{\"ts\":80}", "R8", "R9", "S{\"ts\":100}");
    }

    /** Pages of three records with tokens {"page": n}, five pages. */
    static final class Pages extends ResumableStream {
        final List<Integer> requested = new ArrayList<>();

        @Override
        public ObjectNode jsonSchema() {
            return Json.object();
        }

        @Override
        protected Page readPage(@Nullable ObjectNode token) {
            int page = token == null ? 1 : token.get("page").asInt();
            requested.add(page);
            List<ObjectNode> records = IntStream.range(0, 3).mapToObj(i -> Json.object().put("id", page * 10 + i))
                    .toList();
            return new Page(records, page < 5 ? Json.object().put("page", page + 1) : null);
        }
    }

    @Test
    void resumableFullRefreshCheckpointsTheNextPageAndMarksCompletion() {
        Transcript sink = new Transcript();
        Pages stream = new Pages();
        stream.read(ReadRequest.fullRefresh(run), sink);
        assertThat(stream.requested).containsExactly(1, 2, 3, 4, 5);
        assertThat(sink.events).filteredOn(e -> e.startsWith("S")).containsExactly(
                "S{\"page\":2}", "S{\"page\":3}", "S{\"page\":4}", "S{\"page\":5}",
                "S{\"__ab_full_refresh_sync_complete\":true}");
        assertThat(stream.isResumable()).isTrue();
    }

    @Test
    void resumableFullRefreshResumesAtTheCheckpointedPageAndSkipsWhenComplete() {
        Pages stream = new Pages();
        stream.read(new ReadRequest(dev.sluice.protocol.SyncMode.FULL_REFRESH,
                new StreamState(Json.object().put("page", 4)), null, run), new Transcript());
        assertThat(stream.requested).containsExactly(4, 5);

        Pages done = new Pages();
        done.read(new ReadRequest(dev.sluice.protocol.SyncMode.FULL_REFRESH, StreamState.fullRefreshComplete(), null, run),
                new Transcript());
        assertThat(done.requested).isEmpty();
    }

    @Test
    void cursorValuesCompareNumbersNumericallyAndTextLexically() {
        CursorTracker tracker = new CursorTracker(List.of("c"), StreamState.empty());
        tracker.observe(Json.object().put("c", 9));
        tracker.observe(Json.object().put("c", 10));
        tracker.observe(Json.object());
        assertThat(tracker.current().asInt()).isEqualTo(10);
        CursorTracker text = new CursorTracker(List.of("c"), StreamState.empty());
        text.observe(Json.object().put("c", "2024-02-01T00:00:00Z"));
        text.observe(Json.object().put("c", "2024-01-31T23:59:59Z"));
        assertThat(text.current().asText()).isEqualTo("2024-02-01T00:00:00Z");
    }
}

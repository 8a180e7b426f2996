package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.HistoryRange;
import dev.sluice.source.HistorySplit;
import dev.sluice.source.HistorySplitting;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.Stream;
import dev.sluice.source.RouterPartition;
import dev.sluice.source.StreamPartitioning;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/** How the connector splits streams into units, finds a stored split again, and spreads units over tasks. */
class WorkPlannerTest {

    private final FakeTaskContext stored = new FakeTaskContext();

    /** An incremental stream that splits its history into {@code count} ranges named by the count. */
    private static final class Events implements Stream {
        final List<Integer> splits = new ArrayList<>();

        @Override
        public ObjectNode jsonSchema() {
            return Json.object();
        }

        @Override
        public List<String> cursorField() {
            return List.of("ts");
        }

        @Override
        public Optional<HistorySplitting> historySplitting() {
            return Optional.of(new HistorySplitting() {
                @Override
                public Optional<HistorySplit> split(int count) {
                    splits.add(count);
                    List<HistoryRange> ranges = new ArrayList<>();
                    for (int i = 0; i < count - 1; i++) {
                        ranges.add(new HistoryRange(count + "/" + i, count + "/" + (i + 1)));
                    }
                    return Optional.of(new HistorySplit(ranges, StreamState.of(Json.object().put("ts", count * 10))));
                }

                @Override
                public void read(HistoryRange range, ReadRequest request, StreamSink sink) {
                }
            });
        }

        @Override
        public void read(ReadRequest request, StreamSink sink) {
        }
    }

    /** A stream with three partitions. */
    private static final class Tickets implements Stream {
        @Override
        public ObjectNode jsonSchema() {
            return Json.object();
        }

        @Override
        public Optional<StreamPartitioning> partitioning() {
            return Optional.of(new StreamPartitioning() {
                @Override
                public List<RouterPartition> partitions() {
                    return List.of(partition(1), partition(2), partition(3));
                }

                @Override
                public void read(RouterPartition partition, ReadRequest request, StreamSink sink) {
                }
            });
        }

        static RouterPartition partition(int board) {
            return new RouterPartition("{\"board\":" + board + "}", Json.object().put("board", board), Json.object());
        }

        @Override
        public void read(ReadRequest request, StreamSink sink) {
        }
    }

    private WorkPlanner planner(int tasks) {
        return new WorkPlanner(stored.offsetStorageReader(), tasks, true);
    }

    @Test
    void aPartitionedStreamIsOneUnitPerPartition() {
        List<WorkUnit> units = planner(2).unitsOf(new Tickets());

        assertThat(units).extracting(WorkUnit::sourcePartition).containsExactly(
                Map.of("stream", "tickets", "partition", "{\"board\":1}"),
                Map.of("stream", "tickets", "partition", "{\"board\":2}"),
                Map.of("stream", "tickets", "partition", "{\"board\":3}"));
    }

    /**
     * Connect's offsets REST API reads the stored source partitions back (as {@code HashMap}s) and looks their
     * offsets up by serialising them again: the bytes must be those the task stored.
     */
    @Test
    void sourcePartitionsSerialiseAlikeAfterConnectReadsThemBack() {
        List<WorkUnit> units = new ArrayList<>(List.of(WorkUnit.whole("users")));
        units.addAll(planner(2).unitsOf(new Tickets()));
        units.addAll(planner(3).unitsOf(new Events()));
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), true);

        assertThat(units).hasSize(7).allSatisfy(unit -> {
            byte[] stored = converter.fromConnectData("offsets", null, List.of("connector", unit.sourcePartition()));
            Object readBack = converter.toConnectData("offsets", stored).value();
            assertThat(new String(converter.fromConnectData("offsets", null, readBack), StandardCharsets.UTF_8))
                    .isEqualTo(new String(stored, StandardCharsets.UTF_8));
        });
    }

    @Test
    void aFirstSyncSplitsTheHistoryIntoOneRangePerTaskAndTheRest() {
        Events events = new Events();

        List<WorkUnit> units = planner(3).unitsOf(events);

        assertThat(events.splits).containsExactly(3);
        assertThat(units).extracting(WorkUnit::sourcePartition).containsExactly(
                Map.of("stream", "events", "range", "0"), Map.of("stream", "events", "range", "1"),
                Map.of("stream", "events"));
        assertThat(units.get(2).initial().json()).isEqualTo(Json.object().put("ts", 30));
        assertThat(units).allSatisfy(unit -> assertThat(unit.split()).isEqualTo(units.get(0).split()));
        assertThat(units.get(1).bounded()).isTrue();
        assertThat(units.get(2).bounded()).isFalse();
    }

    @Test
    void aStoredSplitIsKeptWhateverTheTasks() {
        List<WorkUnit> first = planner(3).unitsOf(new Events());
        stored.offsets.put(first.get(2).sourcePartition(), Map.copyOf(OffsetCodec.encode(
                StreamState.of(Json.object().put("ts", 35)), first.get(2).split(), false)));
        Events events = new Events();

        List<WorkUnit> again = planner(5).unitsOf(events);

        assertThat(events.splits).as("not split again").isEmpty();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aSplitIsFoundInTheOffsetOfARangeWhenTheRestHasNone() {
        List<WorkUnit> first = planner(4).unitsOf(new Events());
        stored.offsets.put(first.get(2).sourcePartition(), Map.copyOf(OffsetCodec.encode(
                StreamState.empty(), first.get(2).split(), true)));
        Events events = new Events();

        assertThat(planner(2).unitsOf(events)).isEqualTo(first);
        assertThat(events.splits).isEmpty();
    }

    @Test
    void aStreamReadWholeBeforeStaysWhole() {
        stored.offsets.put(Map.of("stream", "events"), Map.copyOf(OffsetCodec.encode(
                StreamState.of(Json.object().put("ts", 7)))));
        Events events = new Events();

        assertThat(planner(3).unitsOf(events)).containsExactly(WorkUnit.whole("events"));
        assertThat(events.splits).isEmpty();
    }

    @Test
    void oneTaskOrSplittingTurnedOffReadsTheStreamWhole() {
        assertThat(planner(1).unitsOf(new Events())).containsExactly(WorkUnit.whole("events"));
        assertThat(new WorkPlanner(stored.offsetStorageReader(), 3, false).unitsOf(new Events()))
                .containsExactly(WorkUnit.whole("events"));
    }

    /** Read whole from the rest's offset, the stream would skip the ranges not yet read. */
    @Test
    void aStoredSplitIsKeptWhenSplittingIsTurnedOffOrOneTaskIsLeft() {
        List<WorkUnit> first = planner(3).unitsOf(new Events());
        stored.offsets.put(first.get(2).sourcePartition(), Map.copyOf(OffsetCodec.encode(
                StreamState.of(Json.object().put("ts", 35)), first.get(2).split(), false)));

        assertThat(new WorkPlanner(stored.offsetStorageReader(), 3, false).unitsOf(new Events())).isEqualTo(first);
        assertThat(planner(1).unitsOf(new Events())).isEqualTo(first);
    }

    @Test
    void unitsGoToTheTasksInTurn() {
        List<WorkUnit> units = new ArrayList<>(List.of(WorkUnit.whole("users")));
        units.addAll(planner(2).unitsOf(new Tickets()));

        List<List<WorkUnit>> tasks = WorkPlanner.assign(units, 2);

        assertThat(tasks).extracting(List::size).containsExactly(2, 2);
        assertThat(tasks.get(0)).extracting(WorkUnit::describe).containsExactly("users", "tickets{\"board\":2}");
        assertThat(tasks.get(1)).extracting(WorkUnit::describe)
                .containsExactly("tickets{\"board\":1}", "tickets{\"board\":3}");
        assertThat(WorkPlanner.assign(units, 8)).as("no idle task").hasSize(4);
        assertThat(WorkPlanner.assign(List.of(), 2)).isEmpty();
    }

    @Test
    void unitsAndOffsetsRoundTrip() {
        List<WorkUnit> units = new ArrayList<>(List.of(WorkUnit.whole("users")));
        units.addAll(planner(2).unitsOf(new Tickets()));
        units.addAll(planner(3).unitsOf(new Events()));

        assertThat(WorkUnit.decode(WorkUnit.encode(units))).isEqualTo(units);
        assertThat(WorkUnit.decode("[\"users\", \"tickets\"]")).as("the previous version's assignment")
                .containsExactly(WorkUnit.whole("users"), WorkUnit.whole("tickets"));
        OffsetCodec.Stored offset = OffsetCodec.decode(Map.copyOf(OffsetCodec.encode(
                StreamState.of(Json.object().put("ts", 3)), "{\"ranges\":[]}", true)));
        assertThat(offset).isEqualTo(new OffsetCodec.Stored(StreamState.of(Json.object().put("ts", 3)),
                "{\"ranges\":[]}", true));
        assertThat(OffsetCodec.decode(Map.of("state", "{not json"))).isNull();
        assertThat(OffsetCodec.decode(null)).isNull();
    }
}

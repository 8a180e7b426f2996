package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.HistoryRange;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** One unit's progress on the polling side: where it resumes, what offset its records carry, when it is finished. */
class UnitProgressTest {

    private static final String SPLIT = "{\"ranges\":[],\"rest\":{}}";
    private static final StreamState AT_3 = StreamState.of(Json.object().put("ts", 3));

    private static final class Events implements Stream {
        @Override
        public ObjectNode jsonSchema() {
            return Json.object();
        }

        @Override
        public List<String> cursorField() {
            return List.of("ts");
        }

        @Override
        public void read(ReadRequest request, StreamSink sink) {
        }
    }

    private final WorkUnit range = new WorkUnit("events", new HistoryRange("1", "2"), 0, SPLIT, StreamState.empty());
    private final RecordConverter converter = new RecordConverter("events", PrimaryKey.none(), null);

    private UnitProgress resume(WorkUnit unit, OffsetCodec.Stored stored) {
        return UnitProgress.resume(unit, new Events(), converter, stored);
    }

    @Test
    void aUnitResumesFromItsStoredStateUnlessItBelongsToAnotherSplit() {
        assertThat(resume(range, new OffsetCodec.Stored(AT_3, SPLIT, false)).plan().start()).isEqualTo(AT_3);
        assertThat(resume(range, new OffsetCodec.Stored(AT_3, "{\"other\":1}", false)).plan().start())
                .isEqualTo(StreamState.empty());
        assertThat(resume(range, null).plan().start()).isEqualTo(StreamState.empty());
    }

    @Test
    void aBoundedUnitStoredAsCompleteIsFinished() {
        assertThat(resume(range, new OffsetCodec.Stored(AT_3, SPLIT, true)).finished()).isTrue();
        assertThat(resume(range, new OffsetCodec.Stored(AT_3, SPLIT, false)).finished()).isFalse();
        assertThat(resume(WorkUnit.whole("events"), new OffsetCodec.Stored(AT_3, null, true)).finished())
                .as("only a bounded unit completes").isFalse();
    }

    @Test
    void recordsCarryTheLastCheckpointAndTheLastCheckpointOfARangeFinishesIt() {
        UnitProgress progress = resume(range, null);
        SourceRecord before = progress.record(new ReadEvent.Record(range, Json.object().put("ts", 1), 0));

        Map<String, Object> offset = progress.checkpoint(new ReadEvent.Checkpoint(range, AT_3, false));
        SourceRecord after = progress.record(new ReadEvent.Record(range, Json.object().put("ts", 4), 0));

        assertThat(before.sourceOffset()).isEqualTo(OffsetCodec.encode(StreamState.empty(), SPLIT, false));
        assertThat(after.sourceOffset()).isEqualTo(offset).isEqualTo(OffsetCodec.encode(AT_3, SPLIT, false));
        assertThat(after.sourcePartition()).isEqualTo(range.sourcePartition());
        assertThat(progress.finished()).isFalse();

        assertThat(progress.checkpoint(new ReadEvent.Checkpoint(range, AT_3, true)))
                .isEqualTo(OffsetCodec.encode(AT_3, SPLIT, true));
        assertThat(progress.finished()).isTrue();
        assertThat(progress.plan().start()).isEqualTo(AT_3);
    }
}

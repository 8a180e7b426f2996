package dev.sluice.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;

/** A stream that does not override the splitting methods is read as a whole; the value types check themselves. */
class StreamPartitionDefaultsTest {

    private final RunContext run = RunContext.named("test");

    @AfterEach
    void closeRun() {
        run.close();
    }

    private static final class Users implements Stream {
        @Override
        public ObjectNode jsonSchema() {
            return Json.object();
        }

        @Override
        public void read(ReadRequest request, StreamSink sink) {
            sink.record(Json.object().put("id", 1));
        }
    }

    @Test
    void aCodeFirstStreamIsOneWhole() {
        Stream users = new Users();
        StreamPartition partition = new StreamPartition("{\"id\":1}", Json.object(), false);

        assertThat(users.isPartitioned()).isFalse();
        assertThat(users.partitions()).isEmpty();
        assertThat(users.splitHistory(4)).isEmpty();
        assertThatThrownBy(() -> users.readPartition(partition, ReadRequest.fullRefresh(run), new StreamSink() {
            @Override
            public void record(ObjectNode data) {
            }

            @Override
            public void checkpoint(StreamState state) {
            }
        })).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR))
                .hasMessageContaining("users");
    }

    @Test
    void theRangesOfAHistorySplitAreBounded() {
        StreamPartition open = new StreamPartition("{\"start\":\"2024-01-01\"}", Json.object(), false);
        StreamPartition closed = new StreamPartition("{\"end\":\"2024-01-31\",\"start\":\"2024-01-01\"}",
                Json.object(), true);

        assertThat(new HistorySplit(List.of(closed), StreamState.empty()).ranges()).containsExactly(closed);
        assertThatThrownBy(() -> new HistorySplit(List.of(closed, open), StreamState.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-01-01");
        assertThatThrownBy(() -> new StreamPartition(null, Json.object(), true))
                .isInstanceOf(NullPointerException.class);
    }
}

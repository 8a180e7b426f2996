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
        StreamPartition partition = new RouterPartition("{\"id\":1}", Json.object().put("id", 1), Json.object());
        StreamPartition range = new HistoryRange("2024-01-01", "2024-01-31");

        assertThat(users.partitioning()).isEmpty();
        assertThat(users.historySplitting()).isEmpty();
        for (StreamPartition unreadable : List.of(partition, range)) {
            assertThatThrownBy(() -> unreadable.readFrom(users, ReadRequest.fullRefresh(run), new StreamSink() {
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
    }

    /** A range is bounded by its type (a history split holds only ranges); a router partition never is. */
    @Test
    void theRangesOfAHistorySplitAreBounded() {
        HistoryRange closed = new HistoryRange("2024-01-01", "2024-01-31");
        RouterPartition open = new RouterPartition("{\"id\":1}", Json.object().put("id", 1), Json.object());

        assertThat(new HistorySplit(List.of(closed), StreamState.empty()).ranges()).containsExactly(closed);
        assertThat(closed.bounded()).isTrue();
        assertThat(open.bounded()).isFalse();
        assertThat(closed.key()).isEqualTo("{\"end\":\"2024-01-31\",\"start\":\"2024-01-01\"}");
        assertThatThrownBy(() -> new RouterPartition(null, Json.object(), Json.object()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new HistoryRange("2024-01-01", null)).isInstanceOf(NullPointerException.class);
    }
}

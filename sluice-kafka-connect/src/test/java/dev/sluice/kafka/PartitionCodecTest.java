package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.HistoryRange;
import dev.sluice.source.HistorySplit;
import dev.sluice.source.RouterPartition;
import dev.sluice.source.StreamPartition;
import dev.sluice.source.StreamState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed partitions as the JSON that task assignments and stored offsets hold: written byte for byte as earlier
 * versions wrote it, and what they stored still read. The literals are that format, copied from what the previous
 * version wrote (its {@code Splits.partitionJson}, and the declarative stream's {@code partition}/{@code extra_fields}
 * and {@code range} descriptors).
 */
class PartitionCodecTest {

    private static final String ROUTER_KEY = "{\"parent_slice\":{},\"project_id\":1}";
    private static final String ROUTER_JSON = "{\"key\":\"{\\\"parent_slice\\\":{},\\\"project_id\\\":1}\","
            + "\"descriptor\":{\"partition\":{\"project_id\":1,\"parent_slice\":{}},\"extra_fields\":{\"name\":\"A\"}},"
            + "\"bounded\":false}";
    private static final String RANGE_JSON = "{\"key\":\"{\\\"end\\\":\\\"2024-01-02\\\",\\\"start\\\":\\\"2024-01-01\\\"}\","
            + "\"descriptor\":{\"range\":{\"start\":\"2024-01-01\",\"end\":\"2024-01-02\"}},\"bounded\":true}";
    private static final String SPLIT = "{\"ranges\":[" + RANGE_JSON + ","
            + "{\"key\":\"{\\\"end\\\":\\\"2024-01-04\\\",\\\"start\\\":\\\"2024-01-03\\\"}\","
            + "\"descriptor\":{\"range\":{\"start\":\"2024-01-03\",\"end\":\"2024-01-04\"}},\"bounded\":true}],"
            + "\"rest\":{\"updated_at\":\"2024-01-05\"}}";

    private static final RouterPartition ROUTER = new RouterPartition(ROUTER_KEY,
            Json.object().put("project_id", 1).set("parent_slice", Json.object()), Json.object().put("name", "A"));
    private static final HistoryRange RANGE = new HistoryRange("2024-01-01", "2024-01-02");

    private static JsonNode parse(String text) throws JsonProcessingException {
        return Json.parse(text);
    }

    @Test
    void partitionsAreWrittenAsBefore() {
        assertThat(Json.write(PartitionCodec.encode(ROUTER))).isEqualTo(ROUTER_JSON);
        assertThat(Json.write(PartitionCodec.encode(RANGE))).isEqualTo(RANGE_JSON);
    }

    @Test
    void partitionsRoundTrip() {
        for (StreamPartition partition : List.of(ROUTER, RANGE)) {
            assertThat(PartitionCodec.decode(PartitionCodec.encode(partition))).isEqualTo(partition);
        }
    }

    @Test
    void partitionsStoredBeforeAreRead() throws JsonProcessingException {
        assertThat(PartitionCodec.decode(parse(ROUTER_JSON))).isEqualTo(ROUTER);
        assertThat(PartitionCodec.decode(parse(RANGE_JSON))).isEqualTo(RANGE);
        assertThat(PartitionCodec.decode(parse(
                "{\"key\":\"{\\\"id\\\":2}\",\"descriptor\":{\"partition\":{\"id\":2}},\"bounded\":false}")))
                .as("extra fields were optional").isEqualTo(
                        new RouterPartition("{\"id\":2}", Json.object().put("id", 2), Json.object()));
    }

    @Test
    void aSplitIsWrittenAsBefore() {
        HistorySplit split = new HistorySplit(List.of(RANGE, new HistoryRange("2024-01-03", "2024-01-04")),
                StreamState.of(Json.object().put("updated_at", "2024-01-05")));

        assertThat(Splits.encode(split)).isEqualTo(SPLIT);
    }

    /** An offset of a split's range as the previous version committed it, and the units found from it. */
    @Test
    void anOffsetWrittenBeforeIsRead() {
        Map<String, Object> committed = Map.of("state", "{\"updated_at\":\"2024-01-03T12:00:00Z\"}", "split", SPLIT);

        OffsetCodec.Stored stored = OffsetCodec.decode(committed);
        List<WorkUnit> units = Splits.units("events", stored.split());

        assertThat(stored.state().json()).isEqualTo(Json.object().put("updated_at", "2024-01-03T12:00:00Z"));
        assertThat(units).extracting(WorkUnit::partition).containsExactly(RANGE,
                new HistoryRange("2024-01-03", "2024-01-04"), null);
        assertThat(units).extracting(WorkUnit::sourcePartition).containsExactly(
                Map.of("stream", "events", "range", "0"), Map.of("stream", "events", "range", "1"),
                Map.of("stream", "events"));
        assertThat(units.get(2).initial().json()).isEqualTo(Json.object().put("updated_at", "2024-01-05"));
        assertThat(units).allMatch(unit -> SPLIT.equals(unit.split()), "the split kept as stored");
    }

    /** A task assignment as the previous version wrote it: a partition's source partition is the same. */
    @Test
    void anAssignmentWrittenBeforeIsRead() {
        String assignment = "[{\"stream\":\"tasks\",\"partition\":" + ROUTER_JSON + "},"
                + "{\"stream\":\"events\",\"partition\":" + RANGE_JSON + ",\"range\":0,\"split\":"
                + Json.write(Json.nodes().textNode(SPLIT)) + "}]";

        List<WorkUnit> units = WorkUnit.decode(assignment);

        assertThat(units.get(0).sourcePartition()).isEqualTo(Map.of("stream", "tasks", "partition", ROUTER_KEY));
        assertThat(units.get(0).partition()).isEqualTo(ROUTER);
        assertThat(units.get(1).partition()).isEqualTo(RANGE);
        assertThat(units.get(1).bounded()).isTrue();
        assertThat(WorkUnit.encode(units)).isEqualTo(assignment);
    }

    @Test
    void aDescriptorOfNoKnownKindIsRefused() throws JsonProcessingException {
        JsonNode unknown = parse("{\"key\":\"{\\\"board\\\":1}\",\"descriptor\":{\"board\":1},\"bounded\":false}");

        assertThatThrownBy(() -> PartitionCodec.decode(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("board");
        assertThatThrownBy(() -> PartitionCodec.decode(parse("{\"descriptor\":{\"range\":{}}}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartitionCodec.decode(parse(
                "{\"key\":\"k\",\"descriptor\":{\"range\":{\"start\":\"2024-01-01\"}},\"bounded\":true}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end");
    }
}

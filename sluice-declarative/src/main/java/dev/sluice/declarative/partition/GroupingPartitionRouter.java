package dev.sluice.declarative.partition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link GroupingPartitionRouterSpec}. */
final class GroupingPartitionRouter implements PartitionRouter {

    private final int groupSize;
    private final PartitionRouter underlying;
    private final boolean deduplicate;
    private @Nullable ObjectNode state = Json.object();

    GroupingPartitionRouter(int groupSize, PartitionRouter underlying, boolean deduplicate) {
        this.groupSize = groupSize;
        this.underlying = underlying;
        this.deduplicate = deduplicate;
    }

    @Override
    public void partitions(Consumer<StreamSlice> out) {
        List<StreamSlice> batch = new ArrayList<>();
        Set<JsonNode> seen = new HashSet<>();
        underlying.partitions(partition -> {
            JsonNode key = singleValue(partition.partition());
            if (deduplicate && !seen.add(key)) {
                return;
            }
            batch.add(partition);
            if (batch.size() == groupSize) {
                setState(underlying.parentState());
                out.accept(grouped(batch));
                batch.clear();
            }
        });
        setState(underlying.parentState());
        if (!batch.isEmpty()) {
            out.accept(grouped(batch));
        }
    }

    private static JsonNode singleValue(ObjectNode partition) {
        List<String> keys = new ArrayList<>();
        partition.fieldNames().forEachRemaining(keys::add);
        keys.remove("parent_slice");
        if (keys.size() != 1) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR,
                    "GroupingPartitionRouter expects a single partition key-value pair. Got " + partition);
        }
        return partition.get(keys.get(0));
    }

    private static StreamSlice grouped(List<StreamSlice> batch) {
        ObjectNode partition = Json.object();
        batch.get(0).partition().fieldNames().forEachRemaining(key -> {
            ArrayNode values = partition.putArray(key);
            batch.forEach(slice -> values.add(slice.partition().path(key).isMissingNode()
                    ? Json.nodes().nullNode() : slice.partition().get(key)));
        });
        ObjectNode extra = Json.object();
        Set<String> extraKeys = new LinkedHashSet<>();
        batch.forEach(slice -> slice.extraFields().fieldNames().forEachRemaining(extraKeys::add));
        for (String key : extraKeys) {
            ArrayNode values = extra.putArray(key);
            batch.forEach(slice -> values.add(slice.extraFields().has(key) ? slice.extraFields().get(key)
                    : Json.nodes().nullNode()));
        }
        return new StreamSlice(partition, Json.object(), extra);
    }

    private synchronized void setState(@Nullable ObjectNode current) {
        state = current == null ? null : current.deepCopy();
    }

    @Override
    public RequestOptions requestOptions(StreamSlice slice) {
        return RequestOptions.NONE;
    }

    @Override
    public synchronized @Nullable ObjectNode parentState() {
        return state;
    }

    @Override
    public boolean forcesGlobalCursor() {
        return true;
    }
}

package dev.sluice.declarative.partition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runtime of {@link UnionPartitionRouterSpec}. */
final class UnionPartitionRouter implements PartitionRouter {

    private static final Logger log = LoggerFactory.getLogger(UnionPartitionRouter.class);

    private final String field;
    private final List<PartitionRouter> routers;

    UnionPartitionRouter(String field, List<PartitionRouter> routers) {
        this.field = field;
        this.routers = List.copyOf(routers);
    }

    @Override
    public void partitions(Consumer<StreamSlice> out) {
        Set<JsonNode> seen = new HashSet<>();
        for (PartitionRouter router : routers) {
            router.partitions(slice -> {
                JsonNode value = slice.partition().get(field);
                if (value == null) {
                    throw new ConnectorException(FailureType.SYSTEM_ERROR, "UnionPartitionRouter expects all child "
                            + "partition routers to emit the partition field '" + field + "'. Got " + slice.partition());
                }
                if (!seen.add(value)) {
                    return;
                }
                ObjectNode extra = slice.extraFields().deepCopy();
                for (Iterator<Map.Entry<String, JsonNode>> keys = slice.partition().fields(); keys.hasNext(); ) {
                    Map.Entry<String, JsonNode> key = keys.next();
                    if (!key.getKey().equals(field)) {
                        extra.set(key.getKey(), key.getValue());
                    }
                }
                ObjectNode partition = Json.object();
                partition.set(field, value);
                out.accept(new StreamSlice(partition, Json.object(), extra));
            });
        }
    }

    @Override
    public RequestOptions requestOptions(StreamSlice slice) {
        return RequestOptions.NONE;
    }

    /** The children's parent states merged; with a parent name twice, the last child's wins. */
    @Override
    public @Nullable ObjectNode parentState() {
        ObjectNode merged = Json.object();
        for (PartitionRouter router : routers) {
            ObjectNode child = router.parentState();
            if (child == null) {
                continue;
            }
            child.fieldNames().forEachRemaining(name -> {
                if (merged.has(name)) {
                    log.warn("UnionPartitionRouter child routers reference the same parent stream {}; the last "
                            + "child's state wins", name);
                }
            });
            merged.setAll(child);
        }
        return merged;
    }
}

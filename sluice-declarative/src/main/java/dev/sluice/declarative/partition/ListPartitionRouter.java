package dev.sluice.declarative.partition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.component.RequestOption;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link ListPartitionRouterSpec}. */
final class ListPartitionRouter implements PartitionRouter {

    private final String field;
    private final List<JsonNode> values;
    private final @Nullable RequestOption option;

    ListPartitionRouter(String field, List<JsonNode> values, @Nullable RequestOption option) {
        this.field = field;
        this.values = List.copyOf(values);
        this.option = option;
    }

    @Override
    public void partitions(Consumer<StreamSlice> out) {
        for (JsonNode value : values) {
            ObjectNode partition = Json.object();
            partition.set(field, value);
            out.accept(StreamSlice.ofPartition(partition));
        }
    }

    @Override
    public RequestOptions requestOptions(StreamSlice slice) {
        return option == null ? RequestOptions.NONE : Truthy.inject(option, slice.get(field));
    }
}

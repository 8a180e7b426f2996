package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.partition.PartitionRouter;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A router with fixed partitions; while partition i is pushed its parent state is {@code parentStates[i]}, and
 * after the last one {@code finalParentState}.
 */
final class FakeRouter implements PartitionRouter {

    private final List<ObjectNode> partitions;
    private final List<ObjectNode> parentStates;
    private final @Nullable ObjectNode finalParentState;
    private volatile @Nullable ObjectNode current;

    FakeRouter(List<ObjectNode> partitions, List<ObjectNode> parentStates, @Nullable ObjectNode finalParentState) {
        this.partitions = partitions;
        this.parentStates = parentStates;
        this.finalParentState = finalParentState;
    }

    FakeRouter(List<ObjectNode> partitions) {
        this(partitions, List.of(), null);
    }

    @Override
    public void partitions(Consumer<StreamSlice> out) {
        for (int i = 0; i < partitions.size(); i++) {
            current = i < parentStates.size() ? parentStates.get(i) : null;
            out.accept(StreamSlice.ofPartition(partitions.get(i)));
        }
        current = finalParentState;
    }

    @Override
    public RequestOptions requestOptions(StreamSlice slice) {
        return RequestOptions.NONE;
    }

    @Override
    public @Nullable ObjectNode parentState() {
        return current;
    }
}

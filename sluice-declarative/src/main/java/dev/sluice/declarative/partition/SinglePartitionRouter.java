package dev.sluice.declarative.partition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One partition of a router, listed earlier (perhaps by another process), read on its own: {@link #partitions} pushes
 * just that partition and the requests get the router's options for it. No parent stream is read, so there is no
 * parent state.
 */
public final class SinglePartitionRouter implements PartitionRouter {

    private final PartitionRouter router;
    private final StreamSlice partition;

    public SinglePartitionRouter(PartitionRouter router, StreamSlice partition) {
        this.router = requireNonNull(router, "router is null");
        this.partition = requireNonNull(partition, "partition is null");
    }

    @Override
    public void partitions(Consumer<StreamSlice> out) {
        out.accept(partition);
    }

    @Override
    public RequestOptions requestOptions(StreamSlice slice) {
        return router.requestOptions(slice);
    }

    @Override
    public @Nullable ObjectNode parentState() {
        return null;
    }

    @Override
    public boolean forcesGlobalCursor() {
        return router.forcesGlobalCursor();
    }
}

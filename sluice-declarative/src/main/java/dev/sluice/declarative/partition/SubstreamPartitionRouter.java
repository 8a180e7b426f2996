package dev.sluice.declarative.partition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.Dpath;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.component.RequestOption;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.StreamState;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link SubstreamPartitionRouterSpec}: reads each parent stream, slice by slice, on the generating thread
 * (the parent's own cursor observes its records and closes its slices) and pushes one partition per parent record
 * that has the {@code parent_key}. A parent slice is closed before the partition of its last record is pushed, so the
 * parent state read while that partition is pushed covers the slice, as in the reference.
 */
final class SubstreamPartitionRouter implements PartitionRouter {

    /** One evaluated {@code ParentStreamConfig}, with the parent's incoming state. */
    record Parent(ParentStream stream, String parentKey, String partitionField, @Nullable RequestOption option,
            boolean incrementalDependency, List<List<String>> extraFields, List<String> lazyReadPointer,
            StreamState state) {
    }

    private final List<Parent> parents;
    private final ParentStream.Read[] plans;

    SubstreamPartitionRouter(List<Parent> parents) {
        this.parents = List.copyOf(parents);
        this.plans = new ParentStream.Read[parents.size()];
    }

    @Override
    public void partitions(Consumer<StreamSlice> out) {
        synchronized (this) {
            for (int i = 0; i < parents.size(); i++) {
                plans[i] = parents.get(i).stream().plan(parents.get(i).state());
            }
        }
        for (int i = 0; i < parents.size(); i++) {
            plans[i].readSequentially(new ParentRecords(parents.get(i), out));
        }
    }

    /** Holds back the latest parent record until the next one arrives or its slice ends. */
    private static final class ParentRecords implements ParentStream.SliceRecords {
        private final Parent parent;
        private final Consumer<StreamSlice> out;
        private @Nullable ObjectNode pending;
        private @Nullable StreamSlice pendingSlice;

        ParentRecords(Parent parent, Consumer<StreamSlice> out) {
            this.parent = parent;
            this.out = out;
        }

        @Override
        public void accept(StreamSlice slice, ObjectNode record) {
            flush();
            pending = record;
            pendingSlice = slice;
        }

        @Override
        public void sliceDone(StreamSlice slice) {
            flush();
        }

        private void flush() {
            if (pending != null && pendingSlice != null) {
                ObjectNode record = pending;
                StreamSlice slice = pendingSlice;
                pending = null;
                pendingSlice = null;
                partitionOf(parent, slice, record).ifPresent(out);
            }
        }
    }

    private static Optional<StreamSlice> partitionOf(Parent parent, StreamSlice parentSlice, ObjectNode record) {
        JsonNode value = Dpath.get(record, Arrays.asList(parent.parentKey().split("/")));
        if (value == null) {
            return Optional.empty();
        }
        ObjectNode partition = Json.object();
        partition.set(parent.partitionField(), value);
        partition.set("parent_slice", parentSlice.partition());
        ObjectNode extra = Json.object();
        if (!parent.lazyReadPointer().isEmpty()) {
            JsonNode embedded = Dpath.get(record, parent.lazyReadPointer());
            extra.set("child_response", embedded == null ? Json.nodes().arrayNode() : embedded);
        }
        for (List<String> path : parent.extraFields()) {
            JsonNode found = Dpath.get(record, path);
            extra.set(String.join(".", path), found == null ? Json.nodes().nullNode() : found);
        }
        return Optional.of(new StreamSlice(partition, Json.object(), extra));
    }

    @Override
    public RequestOptions requestOptions(StreamSlice slice) {
        RequestOptions options = RequestOptions.NONE;
        for (Parent parent : parents) {
            if (parent.option() != null) {
                options = options.plus(Truthy.inject(parent.option(), slice.get(parent.partitionField())));
            }
        }
        return options;
    }

    /**
     * {@code {<parent name>: <its cursor's state>}} for the parents read with {@code incremental_dependency}. A parent
     * not read yet gives its cursor's initial state, as the reference's {@code get_stream_state} reads
     * {@code parent_config.stream.cursor.state} of a cursor built with the stream (substream_partition_router.py).
     */
    @Override
    public synchronized @Nullable ObjectNode parentState() {
        ObjectNode state = Json.object();
        for (int i = 0; i < parents.size(); i++) {
            Parent parent = parents.get(i);
            if (parent.incrementalDependency()) {
                state.set(parent.stream().name(), stateOf(i).json().deepCopy());
            }
        }
        return state;
    }

    private StreamState stateOf(int index) {
        if (plans[index] == null) {
            Parent parent = parents.get(index);
            try {
                plans[index] = parent.stream().plan(parent.state());
            } catch (ConnectorException e) {
                // The parent's cursor cannot be built (a bad setting): its slicing fails on its own; the state it
                // came with is all there is to claim.
                return parent.state();
            }
        }
        return plans[index].state();
    }
}

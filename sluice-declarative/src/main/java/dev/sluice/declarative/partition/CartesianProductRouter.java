package dev.sluice.declarative.partition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A list of routers ({@code partition_router: [...]}): every combination of their partitions, the first router
 * varying slowest. Each router's partitions are read in full first, as Python's {@code itertools.product} does. In a
 * combined partition (and in the request options) the first router's keys win; there is no parent state.
 */
public final class CartesianProductRouter implements PartitionRouter {

    private final List<PartitionRouter> routers;

    public CartesianProductRouter(List<PartitionRouter> routers) {
        this.routers = List.copyOf(routers);
    }

    @Override
    public void partitions(Consumer<StreamSlice> out) {
        List<List<StreamSlice>> all = new ArrayList<>();
        for (PartitionRouter router : routers) {
            List<StreamSlice> partitions = new ArrayList<>();
            router.partitions(partitions::add);
            all.add(partitions);
        }
        combine(all, 0, new ArrayList<>(), out);
    }

    private static void combine(List<List<StreamSlice>> all, int depth, List<StreamSlice> chosen,
            Consumer<StreamSlice> out) {
        if (depth == all.size()) {
            out.accept(new StreamSlice(firstWins(chosen, StreamSlice::partition), Json.object(),
                    firstWins(chosen, StreamSlice::extraFields)));
            return;
        }
        for (StreamSlice slice : all.get(depth)) {
            chosen.add(slice);
            combine(all, depth + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }

    /** Python's {@code dict(ChainMap(*maps))}: keys ordered from the last map, values from the first that has them. */
    private static ObjectNode firstWins(List<StreamSlice> slices, Function<StreamSlice, ObjectNode> part) {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = slices.size() - 1; i >= 0; i--) {
            part.apply(slices.get(i)).fieldNames().forEachRemaining(keys::add);
        }
        ObjectNode result = Json.object();
        for (String key : keys) {
            for (StreamSlice slice : slices) {
                JsonNode value = part.apply(slice).get(key);
                if (value != null) {
                    result.set(key, value);
                    break;
                }
            }
        }
        return result;
    }

    @Override
    public RequestOptions requestOptions(StreamSlice slice) {
        RequestOptions options = RequestOptions.NONE;
        for (int i = routers.size() - 1; i >= 0; i--) {
            options = OptionsOverlay.overlay(options, routers.get(i).requestOptions(slice));
        }
        return options;
    }

    /** {@code partition_router: [...]} as one router: none for an empty list, the router itself for one. */
    public static PartitionRouter of(List<PartitionRouter> routers) {
        return routers.size() == 1 ? routers.get(0) : new CartesianProductRouter(routers);
    }
}

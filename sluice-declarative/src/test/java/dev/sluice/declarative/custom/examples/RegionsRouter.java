package dev.sluice.declarative.custom.examples;

import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.declarative.partition.PartitionRouter;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.function.Consumer;

/** CustomPartitionRouter: one partition per entry of {@code regions}, sent as the query parameter {@code zone}. */
public final class RegionsRouter implements PartitionRouter {

    private final List<String> regions;

    public RegionsRouter(CustomComponentContext context) {
        this.regions = context.strings("regions");
    }

    @Override
    public void partitions(Consumer<StreamSlice> out) {
        regions.forEach(region -> out.accept(StreamSlice.ofPartition(Json.object().put("region", region))));
    }

    @Override
    public RequestOptions requestOptions(StreamSlice slice) {
        return RequestOptions.parameter("zone", slice.partition().path("region"));
    }
}

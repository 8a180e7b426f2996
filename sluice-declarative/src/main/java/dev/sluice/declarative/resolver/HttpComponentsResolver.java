package dev.sluice.declarative.resolver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.Retriever;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.partition.PartitionRouter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link HttpComponentsResolverSpec}: one stream per record read, partition after partition. */
final class HttpComponentsResolver implements ComponentsResolver {

    private final Retriever retriever;
    private final @Nullable PartitionRouter router;
    private final List<ComponentMapping> mappings;
    private final InterpolationContext interpolation;

    HttpComponentsResolver(Retriever retriever, @Nullable PartitionRouter router, List<ComponentMapping> mappings,
            InterpolationContext interpolation) {
        this.retriever = retriever;
        this.router = router;
        this.mappings = List.copyOf(mappings);
        this.interpolation = interpolation;
    }

    @Override
    public List<ObjectNode> resolve(ObjectNode streamTemplate) {
        List<StreamSlice> slices = new ArrayList<>();
        if (router == null) {
            slices.add(StreamSlice.EMPTY);
        } else {
            router.partitions(slices::add);
        }
        List<ObjectNode> streams = new ArrayList<>();
        for (StreamSlice slice : slices) {
            RequestOptions options = router == null ? RequestOptions.NONE : router.requestOptions(slice);
            InterpolationContext sliced = interpolation.with("stream_template_config", streamTemplate)
                    .with("stream_slice", slice.toInterpolationValue());
            retriever.read(slice, options, record -> {
                ObjectNode stream = streamTemplate.deepCopy();
                InterpolationContext context = sliced.with("components_values", record);
                mappings.forEach(mapping -> mapping.apply(stream, context));
                streams.add(stream);
            });
        }
        return streams;
    }
}

package dev.sluice.declarative.resolver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.protocol.FailureType;
import java.util.ArrayList;
import java.util.List;

/**
 * Runtime of the config and parametrized resolvers: one stream per value known when the resolver is built, that
 * value being the mappings' {@code components_values}.
 */
final class ValueListResolver implements ComponentsResolver {

    private final List<ObjectNode> values;
    private final List<ComponentMapping> mappings;
    private final InterpolationContext interpolation;
    private final FailureType duplicateNameFailure;

    ValueListResolver(List<ObjectNode> values, List<ComponentMapping> mappings, InterpolationContext interpolation,
            FailureType duplicateNameFailure) {
        this.values = List.copyOf(values);
        this.mappings = List.copyOf(mappings);
        this.interpolation = interpolation;
        this.duplicateNameFailure = duplicateNameFailure;
    }

    @Override
    public List<ObjectNode> resolve(ObjectNode streamTemplate) {
        List<ObjectNode> streams = new ArrayList<>();
        for (ObjectNode value : values) {
            ObjectNode stream = streamTemplate.deepCopy();
            InterpolationContext context = interpolation.with("components_values", value)
                    .with("stream_template_config", streamTemplate);
            mappings.forEach(mapping -> mapping.apply(stream, context));
            streams.add(stream);
        }
        return streams;
    }

    @Override
    public FailureType duplicateNameFailure() {
        return duplicateNameFailure;
    }
}

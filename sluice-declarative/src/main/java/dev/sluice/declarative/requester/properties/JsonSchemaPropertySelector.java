package dev.sluice.declarative.requester.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.transform.RecordTransformation;
import dev.sluice.protocol.Json;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link JsonSchemaPropertySelectorSpec}. Immutable. */
public final class JsonSchemaPropertySelector {

    private final @Nullable ObjectNode configuredSchema;
    private final List<RecordTransformation> transformations;
    private final RecordContext context;

    /**
     * @param configuredSchema the JSON schema of the stream in the configured catalog; null when there is no
     *                         configured catalog or the stream is not in it
     */
    public JsonSchemaPropertySelector(@Nullable ObjectNode configuredSchema, List<RecordTransformation> transformations,
            RecordContext context) {
        this.configuredSchema = configuredSchema == null ? null : configuredSchema.deepCopy();
        this.transformations = List.copyOf(transformations);
        this.context = context;
    }

    /**
     * The selected property names, or null when nothing is configured (every property is then requested). An
     * empty set means none is selected: only {@code always_include_properties} are requested.
     */
    public @Nullable Set<String> select() {
        if (configuredSchema == null) {
            return null;
        }
        JsonNode declared = configuredSchema.get("properties");
        ObjectNode properties = declared != null && declared.isObject() ? ((ObjectNode) declared).deepCopy()
                : Json.object();
        for (RecordTransformation transformation : transformations) {
            properties = transformation.apply(properties, context);
        }
        Set<String> names = new LinkedHashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return Collections.unmodifiableSet(names);
    }
}

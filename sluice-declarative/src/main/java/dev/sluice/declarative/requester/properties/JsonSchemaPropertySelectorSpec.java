package dev.sluice.declarative.requester.properties;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.transform.RecordTransformation;
import dev.sluice.declarative.transform.TransformationSpec;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: JsonSchemaPropertySelector} — only the properties selected in the configured catalog are
 * requested: the property names of the stream's configured JSON schema, after {@code transformations} (applied
 * to the schema's {@code properties} mapping as if it were a record, e.g. to undo a renaming). Without a
 * configured catalog ({@code check}, {@code discover}) nothing is filtered.
 * <pre>{@code
 * property_selector:
 *   type: JsonSchemaPropertySelector
 *   transformations:
 *     - type: KeysReplace
 *       old: "properties_"
 *       new: ""
 * }</pre>
 */
@JsonTypeName("JsonSchemaPropertySelector")
public record JsonSchemaPropertySelectorSpec(
        @JsonProperty("transformations") @Nullable List<TransformationSpec> transformations,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public JsonSchemaPropertySelectorSpec {
        transformations = transformations == null ? List.of() : List.copyOf(transformations);
    }

    public JsonSchemaPropertySelector build(BuildContext context, String streamName) {
        ObjectNode schema = context.configuredCatalog().flatMap(catalog -> catalog.stream(streamName))
                .map(ConfiguredAirbyteStream::stream).map(AirbyteStream::jsonSchema).orElse(null);
        List<RecordTransformation> steps = transformations.stream().map(spec -> spec.build(context)).toList();
        return new JsonSchemaPropertySelector(schema, steps,
                RecordContext.of(context.interpolation(), StreamSlice.EMPTY, null));
    }
}

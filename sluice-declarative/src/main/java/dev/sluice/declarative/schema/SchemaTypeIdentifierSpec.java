package dev.sluice.declarative.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: SchemaTypeIdentifier} ({@code type} may be left out) — where a {@link DynamicSchemaLoaderSpec}
 * finds the field definitions in the first record ({@code schema_pointer}, default the record itself), and in each
 * definition its name ({@code key_pointer}) and its type ({@code type_pointer}; a field without one is a string).
 * Pointer segments are templates over {@code config} and {@code parameters}; dpath globs are not supported.
 * <pre>{@code
 * schema_type_identifier:
 *   schema_pointer: [fields]
 *   key_pointer: [name]
 *   type_pointer: [type]
 *   types_mapping: [{current_type: singleLineText, target_type: string}]
 * }</pre>
 */
@JsonTypeName("SchemaTypeIdentifier")
public record SchemaTypeIdentifierSpec(
        @JsonProperty("schema_pointer") @Nullable List<String> schemaPointer,
        @JsonProperty(value = "key_pointer", required = true) List<String> keyPointer,
        @JsonProperty("type_pointer") @Nullable List<String> typePointer,
        @JsonProperty("types_mapping") @Nullable List<TypesMapSpec> typesMapping,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public SchemaTypeIdentifierSpec {
        schemaPointer = pointer("schema_pointer", schemaPointer == null ? List.of() : schemaPointer);
        keyPointer = pointer("key_pointer", requireNonNull(keyPointer, "key_pointer is required"));
        typePointer = pointer("type_pointer", typePointer == null ? List.of() : typePointer);
        typesMapping = typesMapping == null ? List.of() : List.copyOf(typesMapping);
    }

    /** A pointer's segments; a glob (which {@code dpath.get} would expand) is refused rather than taken literally. */
    private static List<String> pointer(String name, List<String> segments) {
        for (String segment : segments) {
            if (segment.contains("*")) {
                throw new IllegalArgumentException(name + ": dpath globs ('" + segment + "') are not supported");
            }
        }
        return List.copyOf(segments);
    }

    SchemaTypeIdentifier build(BuildContext context) {
        JsonNode params = BuildContext.parameters(parameters);
        return new SchemaTypeIdentifier(templates(schemaPointer, params), templates(keyPointer, params),
                templates(typePointer, params), typesMapping.stream().map(TypesMapSpec::build).toList());
    }

    private static List<InterpolatedString> templates(List<String> segments, JsonNode params) {
        return segments.stream().map(segment -> InterpolatedString.of(segment, params)).toList();
    }
}

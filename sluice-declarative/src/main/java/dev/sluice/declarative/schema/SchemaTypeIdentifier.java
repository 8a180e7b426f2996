package dev.sluice.declarative.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.declarative.component.Dpath;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link SchemaTypeIdentifierSpec}: finds the field definitions in a record, and each definition's name
 * and type, as the reference's {@code DynamicSchemaLoader} does ({@code dpath.get}; an empty pointer is the value
 * itself).
 */
record SchemaTypeIdentifier(List<InterpolatedString> schemaPointer, List<InterpolatedString> keyPointer,
        List<InterpolatedString> typePointer, List<TypesMap> typesMapping) {

    private static final JsonNode STRING = TextNode.valueOf("string");

    SchemaTypeIdentifier {
        schemaPointer = List.copyOf(schemaPointer);
        keyPointer = List.copyOf(keyPointer);
        typePointer = List.copyOf(typePointer);
        typesMapping = List.copyOf(typesMapping);
    }

    /** The field definitions in {@code record}: a list's items, or (as Python iterates a dict) a mapping's keys. */
    List<JsonNode> definitions(JsonNode record, InterpolationContext config) {
        JsonNode found = extract(record, schemaPointer, config);
        if (found != null && (found.isArray() || found.isObject())) {
            List<JsonNode> definitions = new ArrayList<>();
            if (found.isArray()) {
                found.elements().forEachRemaining(definitions::add);
            } else {
                found.fieldNames().forEachRemaining(name -> definitions.add(TextNode.valueOf(name)));
            }
            return definitions;
        }
        throw new ConnectorException(FailureType.SYSTEM_ERROR, "Expected the field definitions at schema_pointer "
                + segments(schemaPointer, config) + " to be a list. Got " + PythonText.str(found));
    }

    String key(JsonNode definition, InterpolationContext config) {
        JsonNode key = extract(definition, keyPointer, config);
        if (key == null || !key.isTextual()) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR,
                    "Expected key to be a string. Got " + PythonText.str(key));
        }
        return key.textValue();
    }

    /** The field's type after the first mapping that applies; {@code "string"} when the definition gives none. */
    FieldType type(JsonNode definition, InterpolationContext config) {
        JsonNode declared = typePointer.isEmpty() ? STRING : extract(definition, typePointer, config);
        JsonNode raw = declared == null ? STRING : declared;
        InterpolationContext conditionContext = config.with("raw_schema", definition);
        for (TypesMap mapping : typesMapping) {
            // The reference evaluates the condition before comparing the types.
            boolean applies = mapping.condition().eval(conditionContext);
            if (raw.equals(mapping.currentType()) && applies) {
                return mapping.targetType();
            }
        }
        return new FieldType.Declared(raw);
    }

    private static @Nullable JsonNode extract(JsonNode body, List<InterpolatedString> pointer,
            InterpolationContext config) {
        return pointer.isEmpty() ? body : Dpath.get(body, segments(pointer, config));
    }

    private static List<String> segments(List<InterpolatedString> pointer, InterpolationContext config) {
        return pointer.stream().map(segment -> segment.evalString(config)).toList();
    }
}

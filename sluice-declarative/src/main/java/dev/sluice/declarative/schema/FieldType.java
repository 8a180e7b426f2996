package dev.sluice.declarative.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import org.jspecify.annotations.Nullable;

/** A field's type as a {@link DynamicSchemaLoader} resolves it into the property's JSON schema. */
sealed interface FieldType permits FieldType.Declared, FieldType.Complex {

    /** @throws ConnectorException (system error) when the type is no Airbyte type, as the reference's ValueError */
    ObjectNode schema();

    /**
     * A type as the API gave it or a mapping named it: a name, or a list of exactly two names ({@code oneOf} of
     * both); anything else is refused.
     */
    record Declared(JsonNode value) implements FieldType {

        public Declared {
            requireNonNull(value, "value is null");
        }

        @Override
        public ObjectNode schema() {
            if (value.isTextual()) {
                return airbyteType(value.textValue());
            }
            if (value.isArray() && value.size() == 2 && value.get(0).isTextual() && value.get(1).isTextual()) {
                ObjectNode oneOf = Json.object();
                oneOf.putArray("oneOf").add(airbyteType(value.get(0).textValue()))
                        .add(airbyteType(value.get(1).textValue()));
                return oneOf;
            }
            throw new ConnectorException(FailureType.SYSTEM_ERROR,
                    "Invalid data type. Available string or two items list of string. Got " + PythonText.str(value)
                            + ".");
        }
    }

    /** {@code ComplexFieldType}: a type name with, for an array, the type of its items. */
    record Complex(String fieldType, @Nullable FieldType items) implements FieldType {

        public Complex {
            requireNonNull(fieldType, "fieldType is null");
        }

        @Override
        public ObjectNode schema() {
            ObjectNode schema = airbyteType(fieldType);
            if (items != null) {
                schema.set("items", items.schema());
            }
            return schema;
        }
    }

    /** The reference's {@code AIRBYTE_DATA_TYPES}: the JSON schema of each Airbyte type name, nullable. */
    static ObjectNode airbyteType(String name) {
        ObjectNode schema = Json.object();
        String jsonType = switch (name) {
            case "string", "date", "timestamp_without_timezone", "timestamp_with_timezone", "time_without_timezone",
                    "time_with_timezone" -> "string";
            case "boolean", "integer", "number", "array", "object" -> name;
            default -> throw new ConnectorException(FailureType.SYSTEM_ERROR, "Invalid Airbyte data type: " + name);
        };
        schema.putArray("type").add("null").add(jsonType);
        switch (name) {
            case "date" -> schema.put("format", "date");
            case "timestamp_without_timezone" -> schema.put("format", "date-time")
                    .put("airbyte_type", "timestamp_without_timezone");
            case "timestamp_with_timezone" -> schema.put("format", "date-time");
            case "time_without_timezone" -> schema.put("format", "time").put("airbyte_type", "time_without_timezone");
            case "time_with_timezone" -> schema.put("format", "time").put("airbyte_type", "time_with_timezone");
            default -> {
                // the plain types carry no format
            }
        }
        return schema;
    }
}

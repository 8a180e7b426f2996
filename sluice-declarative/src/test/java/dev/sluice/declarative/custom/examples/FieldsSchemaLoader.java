package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.declarative.schema.SchemaLoader;
import dev.sluice.protocol.Json;
import java.util.List;

/** CustomSchemaLoader: an object schema with one string property per name in {@code fields}, plus {@code id}. */
public final class FieldsSchemaLoader implements SchemaLoader {

    private final List<String> fields;

    public FieldsSchemaLoader(CustomComponentContext context) {
        this.fields = context.strings("fields");
    }

    @Override
    public ObjectNode load() {
        ObjectNode schema = Json.object().put("$schema", "http://json-schema.org/draft-07/schema#").put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("id").put("type", "integer");
        fields.forEach(field -> properties.putObject(field).put("type", "string"));
        return schema;
    }
}

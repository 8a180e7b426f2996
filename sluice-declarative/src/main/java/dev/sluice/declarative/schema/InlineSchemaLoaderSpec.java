package dev.sluice.declarative.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: InlineSchemaLoader} — the schema written in the manifest (often a {@code $ref} to
 * {@code #/schemas/...}, already resolved).
 * <pre>{@code schema_loader: {type: InlineSchemaLoader, schema: {$ref: "#/schemas/users"}}}</pre>
 */
@JsonTypeName("InlineSchemaLoader")
public record InlineSchemaLoaderSpec(
        @JsonProperty("schema") @Nullable JsonNode schema,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements SchemaLoaderSpec {

    public InlineSchemaLoaderSpec {
        if (schema != null && !schema.isNull() && !schema.isObject()) {
            throw new IllegalArgumentException("schema must be a mapping");
        }
    }

    @Override
    public SchemaLoader build(BuildContext context, String streamName) {
        ObjectNode value = schema == null || schema.isNull() ? Json.object() : (ObjectNode) schema;
        return value::deepCopy;
    }
}

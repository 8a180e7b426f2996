package dev.sluice.testkit.standard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * JSON Schema draft-07, as Airbyte uses it: a schema checked against the draft-07 meta-schema, and records
 * checked against a schema with Airbyte's own keywords ({@code airbyte_secret}, {@code airbyte_type}, ...) taken
 * as annotations and formats not asserted (the platform does not reject a record for its format).
 */
final class Draft07 {

    private static final String META_SCHEMA = "http://json-schema.org/draft-07/schema#";

    private final JsonSchemaFactory factory;
    private final JsonSchema metaSchema;

    Draft07() {
        JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                builder -> builder.metaSchema(meta).defaultMetaSchemaIri(meta.getIri()));
        metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of(META_SCHEMA), settings());
    }

    /** What makes {@code schema} an invalid draft-07 schema, sorted; empty when it is valid. */
    List<String> schemaProblems(JsonNode schema) {
        return messages(metaSchema.validate(schema));
    }

    /** A schema records are validated with. */
    JsonSchema compile(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        copy.remove("$schema");
        return factory.getSchema(copy, settings());
    }

    static List<String> problems(JsonSchema schema, JsonNode value) {
        return messages(schema.validate(value));
    }

    private static List<String> messages(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted(Comparator.naturalOrder()).toList();
    }

    private static SchemaValidatorsConfig settings() {
        return SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
    }
}

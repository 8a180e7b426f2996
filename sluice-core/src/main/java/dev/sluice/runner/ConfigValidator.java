package dev.sluice.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a config against the spec's {@code connectionSpecification} before anything runs. The error names
 * the field ({@code $.api_key: is missing but it is required}). Keys the platform or harnesses add (leading
 * {@code _}: {@code _limit}, {@code __injected_declarative_manifest}, ...) are not validated.
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    /** @throws ConfigException {@code Config validation error: <every problem, each naming its field>} */
    public static void validate(ObjectNode connectionSpecification, Config config) {
        JsonSchema schema = compile(connectionSpecification);
        ObjectNode checked = withoutInternalKeys(config.json());
        Set<ValidationMessage> problems = schema.validate(checked);
        if (!problems.isEmpty()) {
            String all = problems.stream()
                    .map(ValidationMessage::getMessage)
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining("; "));
            throw new ConfigException("Config validation error: " + all, all);
        }
    }

    /**
     * {@code connectionSpecification} compiled the way the reference's validator reads a schema: its {@code $schema}
     * dialect (the latest when absent or unknown), formats not asserted, unknown keywords as annotations. The
     * manifest's {@code ValidateAdheresToSchema} compiles its schemas with it too.
     */
    public static JsonSchema compile(ObjectNode connectionSpecification) {
        SpecVersion.VersionFlag version = SpecVersion.VersionFlag.V202012;
        if (connectionSpecification.hasNonNull("$schema")) {
            try {
                version = SpecVersionDetector.detect(connectionSpecification);
            } catch (RuntimeException unknownDialect) {
                // an unrecognised $schema falls back to the latest dialect, as the reference's validator does
            }
        }
        SchemaValidatorsConfig settings = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(false)
                .build();
        ObjectNode schema = connectionSpecification.deepCopy();
        schema.remove("$schema");
        // Airbyte's own keywords (airbyte_secret, order, ...) are annotations, not unknown-keyword warnings.
        JsonMetaSchema meta = JsonMetaSchema.builder(metaSchema(version))
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version,
                builder -> builder.metaSchema(meta).defaultMetaSchemaIri(meta.getIri()));
        return factory.getSchema(schema, settings);
    }

    private static JsonMetaSchema metaSchema(SpecVersion.VersionFlag version) {
        return switch (version) {
            case V4 -> JsonMetaSchema.getV4();
            case V6 -> JsonMetaSchema.getV6();
            case V7 -> JsonMetaSchema.getV7();
            case V201909 -> JsonMetaSchema.getV201909();
            case V202012 -> JsonMetaSchema.getV202012();
        };
    }

    private static ObjectNode withoutInternalKeys(ObjectNode config) {
        ObjectNode copy = config.deepCopy();
        Iterator<String> names = config.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.startsWith("_")) {
                copy.remove(name);
            }
        }
        return copy;
    }
}

package dev.sluice.declarative.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.sluice.protocol.Json;
import dev.sluice.runner.ConfigValidator;
import dev.sluice.source.ConfigException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Runtime of {@link ValidateAdheresToSchemaSpec}. The two most common problems are worded as the reference's
 * {@code jsonschema} words them ({@code 'name' is a required property}, {@code 'one' is not of type 'integer'}),
 * the others as the validator library does.
 */
final class ValidateAdheresToSchema implements ValidationStrategy {

    private final JsonSchema schema;
    private final ObjectNode baseSchema;

    private ValidateAdheresToSchema(JsonSchema schema, ObjectNode baseSchema) {
        this.schema = schema;
        this.baseSchema = baseSchema;
    }

    static ValidateAdheresToSchema of(ObjectNode baseSchema) {
        return new ValidateAdheresToSchema(ConfigValidator.compile(baseSchema), baseSchema.deepCopy());
    }

    @Override
    public void validate(JsonNode value) {
        JsonNode instance = value;
        if (value.isTextual()) {
            try {
                instance = Json.parse(value.textValue());
            } catch (JsonProcessingException e) {
                throw new ConfigException("Invalid JSON string: " + value.textValue());
            }
        }
        Set<ValidationMessage> problems = schema.validate(instance);
        // jsonschema's best_match: the problem nearest the root; among equals, the first keyword of the schema.
        Optional<ValidationMessage> first = problems.stream()
                .min(Comparator.comparingInt((ValidationMessage problem) -> problem.getInstanceLocation().getNameCount())
                        .thenComparingInt(this::keywordOrder)
                        .thenComparing(ValidationMessage::getMessage));
        if (first.isPresent()) {
            throw new ConfigException("JSON schema validation error: " + describe(first.get()));
        }
    }

    /** Where the failed keyword stands among its schema's keywords. */
    private int keywordOrder(ValidationMessage problem) {
        JsonNodePath fragment = problem.getSchemaLocation().getFragment();
        int count = fragment.getNameCount();
        JsonNode parent = baseSchema;
        for (int i = 0; i < count - 1 && parent != null; i++) {
            Object element = fragment.getElement(i);
            parent = element instanceof Integer index ? parent.get(index) : parent.get(String.valueOf(element));
        }
        if (parent == null || count == 0) {
            return Integer.MAX_VALUE;
        }
        String keyword = fragment.getName(count - 1);
        int position = 0;
        for (Iterator<String> names = parent.fieldNames(); names.hasNext(); position++) {
            if (names.next().equals(keyword)) {
                return position;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String describe(ValidationMessage problem) {
        Object[] arguments = problem.getArguments();
        if ("required".equals(problem.getType()) && arguments != null && arguments.length > 0) {
            return "'" + arguments[0] + "' is a required property";
        }
        if ("type".equals(problem.getType()) && arguments != null && arguments.length > 1) {
            return repr(problem.getInstanceNode()) + " is not of type '" + arguments[1] + "'";
        }
        if ("additionalProperties".equals(problem.getType()) && problem.getProperty() != null) {
            return "Additional properties are not allowed ('" + problem.getProperty() + "' was unexpected)";
        }
        return problem.getMessage();
    }

    private static String repr(JsonNode node) {
        return node.isTextual() ? "'" + node.textValue() + "'" : node.toString();
    }

}

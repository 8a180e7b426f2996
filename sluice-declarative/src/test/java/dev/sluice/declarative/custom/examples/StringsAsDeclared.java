package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.extractor.RecordNormalizer;
import java.util.Iterator;
import java.util.Map;

/** CustomSchemaNormalization: a value whose property is declared a string becomes {@code "<text>!"}. */
public final class StringsAsDeclared implements RecordNormalizer {

    public StringsAsDeclared() {
    }

    @Override
    public ObjectNode normalize(ObjectNode record, ObjectNode schema) {
        ObjectNode copy = record.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if ("string".equals(schema.path("properties").path(field.getKey()).path("type").asText())) {
                copy.put(field.getKey(), field.getValue().asText() + "!");
            }
        }
        return copy;
    }
}

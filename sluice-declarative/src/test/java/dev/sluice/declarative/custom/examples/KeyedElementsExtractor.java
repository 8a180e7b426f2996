package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.declarative.extractor.RecordExtractor;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/** CustomRecordExtractor: the records are the values of a mapping (field {@code key}), each given its key. */
public final class KeyedElementsExtractor implements RecordExtractor {

    private final String key;

    public KeyedElementsExtractor(CustomComponentContext context) {
        this.key = context.requireString("key");
    }

    @Override
    public void extract(JsonNode document, Consumer<ObjectNode> records) {
        for (Iterator<Map.Entry<String, JsonNode>> entries = document.path(key).fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            ObjectNode record = ((ObjectNode) entry.getValue()).deepCopy();
            record.put("key", entry.getKey());
            records.accept(record);
        }
    }
}

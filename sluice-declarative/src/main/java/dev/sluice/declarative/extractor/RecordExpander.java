package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.transform.DpathGlob;
import dev.sluice.protocol.Json;
import java.util.function.Consumer;

/** Runtime of {@link RecordExpanderSpec}: one record per element of the arrays at a path of each record. */
final class RecordExpander {

    private final DpathGlob path;
    private final boolean keepOriginal;
    private final boolean emitParent;

    RecordExpander(DpathGlob path, boolean keepOriginal, boolean emitParent) {
        this.path = path;
        this.keepOriginal = keepOriginal;
        this.emitParent = emitParent;
    }

    void expand(ObjectNode parent, Consumer<JsonNode> records) {
        if (path.isEmpty()) {
            records.accept(parent);
            return;
        }
        boolean any = false;
        for (DpathGlob.Match match : path.search(parent)) {
            if (!match.value().isArray()) {
                continue;
            }
            for (JsonNode item : match.value()) {
                any = true;
                records.accept(expanded(parent, item));
            }
        }
        if (!any && emitParent) {
            records.accept(parent);
        }
    }

    private JsonNode expanded(ObjectNode parent, JsonNode item) {
        if (!keepOriginal) {
            return item;
        }
        // Records are never mutated downstream, so the parent can be shared instead of deep-copied.
        ObjectNode record = Json.object();
        if (item.isObject()) {
            record.setAll((ObjectNode) item);
        } else {
            record.set("value", item);
        }
        record.set("original_record", parent);
        return record;
    }
}

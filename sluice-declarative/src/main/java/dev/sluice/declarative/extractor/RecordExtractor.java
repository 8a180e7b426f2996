package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/** Finds the records in one decoded response document. */
@FunctionalInterface
public interface RecordExtractor {

    /** Passes each record of {@code document} to {@code records}, in order. */
    void extract(JsonNode document, Consumer<ObjectNode> records);
}

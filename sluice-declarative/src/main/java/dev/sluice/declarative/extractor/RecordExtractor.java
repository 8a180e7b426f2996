package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the records in one decoded response document. This is also the interface of a
 * {@code CustomRecordExtractor}'s class (see {@link dev.sluice.declarative.custom.CustomComponentContext}): it
 * receives each document the decoder made of the response body (the whole JSON body, or one line of a JSON lines
 * body) and passes on the records it finds, in order; it may be called from several threads at once.
 */
@FunctionalInterface
public interface RecordExtractor {

    /** Passes each record of {@code document} to {@code records}, in order. */
    void extract(JsonNode document, Consumer<ObjectNode> records);

    /**
     * The path of literal keys at which the records lie, when a reader streaming the body can find them there
     * without this extractor; empty (the default) when the whole document must be decoded first.
     */
    default Optional<List<String>> streamablePath() {
        return Optional.empty();
    }
}

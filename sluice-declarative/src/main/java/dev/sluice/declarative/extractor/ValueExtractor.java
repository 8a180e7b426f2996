package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * Finds values (not only records) in a decoded document: an async job's status, the URLs its results are at. As
 * the reference's extractors do there, a list yields its elements and any other value that is not empty itself.
 */
@FunctionalInterface
public interface ValueExtractor {

    void values(JsonNode document, Consumer<JsonNode> values);
}

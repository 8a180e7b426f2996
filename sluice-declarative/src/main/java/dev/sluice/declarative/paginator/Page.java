package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.http.HttpResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a paginator sees of the page just read: the response and its decoded documents, how many records the
 * page yielded after selection ({@code last_page_size}) and the last of them, how many raw records the
 * extractor found (offset and page counting use these, before filtering), and the token the page was read with.
 */
public record Page(HttpResponse response, List<JsonNode> documents, int lastPageSize, @Nullable ObjectNode lastRecord,
        int rawRecordCount, @Nullable JsonNode token) {

    public Page {
        documents = List.copyOf(documents);
    }

    /** The first decoded document, as the reference's {@code response} variable; an empty object when none. */
    public JsonNode firstDocument() {
        return documents.isEmpty() ? dev.sluice.protocol.Json.object() : documents.get(0);
    }
}

package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.http.HttpResponse;
import java.util.List;

/** A response and its decoded documents, decoded inside the retry loop (so a malformed body is retried). */
record DecodedResponse(HttpResponse response, List<JsonNode> documents) {

    DecodedResponse {
        documents = List.copyOf(documents);
    }
}

package dev.sluice.examples.demo.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.Optional;

/** The {@code page} (from 1) and {@code page_size} query parameters, and the envelope every paged endpoint uses. */
record Page(int number, int size) {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1_000;

    static Page of(RecordedRequest request) throws RequestException {
        return new Page(parameter(request, "page", 1, Integer.MAX_VALUE),
                parameter(request, "page_size", DEFAULT_SIZE, MAX_SIZE));
    }

    /** Index of the page's first row among all matching rows, from 0. */
    long offset() {
        return (long) (number - 1) * size;
    }

    /** {@code {"data": rows, "next_page": number + 1 or null, "total": total}}. */
    ObjectNode envelope(ArrayNode rows, long total) {
        ObjectNode body = Json.object();
        body.set("data", rows);
        if (offset() + size < total) {
            body.put("next_page", number + 1);
        } else {
            body.putNull("next_page");
        }
        return body.put("total", total);
    }

    private static int parameter(RecordedRequest request, String name, int fallback, int max)
            throws RequestException {
        Optional<String> text = request.queryParameter(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like any other out-of-range value
        }
        throw new RequestException(400, name + " must be an integer from 1 to " + max);
    }
}

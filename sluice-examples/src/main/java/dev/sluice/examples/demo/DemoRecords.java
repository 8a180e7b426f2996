package dev.sluice.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.http.HttpResponse;
import dev.sluice.source.RecordException;
import java.util.ArrayList;
import java.util.List;

/** Reads the array of records under a key of a demo API response. */
final class DemoRecords {

    private DemoRecords() {
    }

    static List<ObjectNode> at(HttpResponse response, String key) {
        JsonNode rows = response.json().path(key);
        if (rows.isMissingNode() || rows.isNull()) {
            return List.of();
        }
        if (!rows.isArray()) {
            throw new RecordException("Expected an array under '" + key + "' in the response to "
                    + response.request().describe());
        }
        List<ObjectNode> records = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                throw new RecordException("A record under '" + key + "' is not an object: " + row.getNodeType());
            }
            records.add((ObjectNode) row);
        }
        return records;
    }
}

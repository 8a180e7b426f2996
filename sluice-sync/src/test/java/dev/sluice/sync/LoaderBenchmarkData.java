package dev.sluice.sync;

import static dev.sluice.sync.ListSource.row;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.List;

/** Employee-shaped records (as the demo API serves them) for the loader benchmarks. */
final class LoaderBenchmarkData {

    private LoaderBenchmarkData() {
    }

    static ObjectNode schema() {
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("id").put("type", "integer");
        for (String field : List.of("first_name", "last_name", "email", "department")) {
            properties.putObject(field).put("type", "string");
        }
        properties.putObject("salary").put("type", "number");
        properties.putObject("active").put("type", "boolean");
        properties.putObject("hired_at").put("type", "string");
        properties.putObject("address").put("type", "object");
        properties.putObject("tags").put("type", "array");
        properties.putObject("updated_at").put("type", "string");
        return schema;
    }

    static void fill(List<ObjectNode> records, int count) {
        for (int i = 0; i < count; i++) {
            records.add(row("{\"id\": " + i + ", \"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"email\": "
                    + "\"ada.lovelace" + i + "@example.com\", \"department\": \"Engineering\", \"salary\": 123456.78, "
                    + "\"active\": true, \"hired_at\": \"2015-03-01\", \"address\": {\"street\": \"12 Oak Street\", "
                    + "\"city\": \"Lisbon\", \"postal_code\": \"10001\", \"country\": \"PT\"}, \"tags\": [\"remote\", "
                    + "\"mentor\"], \"updated_at\": \"2024-05-06T07:08:09Z\"}"));
        }
    }
}

package dev.sluice.sync;

import static dev.sluice.sync.ListSource.row;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader alone: records already in memory, synced into each database, to see what the loader costs per
 * record without HTTP and parsing. Not part of the suite; run with {@code -Dtest=LoaderBenchmark}.
 */
class LoaderBenchmark {

    @TempDir
    Path dir;

    @Test
    void loaderThroughput() {
        int count = Integer.getInteger("sluice.bench.records", 200_000);
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (String field : List.of("first_name", "last_name", "email", "department", "hired_at", "updated_at")) {
            properties.putObject(field).put("type", "string");
        }
        properties.putObject("id").put("type", "integer");
        properties.putObject("salary").put("type", "number");
        properties.putObject("active").put("type", "boolean");
        properties.putObject("address").put("type", "object");
        properties.putObject("tags").put("type", "array");
        List<ObjectNode> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(row("{\"id\": " + i + ", \"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"email\": "
                    + "\"ada.lovelace" + i + "@example.com\", \"department\": \"Engineering\", \"salary\": 123456.78, "
                    + "\"active\": true, \"hired_at\": \"2015-03-01\", \"address\": {\"street\": \"12 Oak Street\", "
                    + "\"city\": \"Lisbon\", \"postal_code\": \"10001\", \"country\": \"PT\"}, \"tags\": [\"remote\", "
                    + "\"mentor\"], \"updated_at\": \"2024-05-06T07:08:09Z\"}"));
        }
        for (String kind : List.of("DuckDB", "DuckDB", "SQLite")) {
            TestDestination db = kind.equals("DuckDB") ? TestDestination.duckDb(dir.resolve("d" + System.nanoTime()))
                    : TestDestination.sqlite(dir.resolve("s" + System.nanoTime()));
            dir.resolve("d").toFile().mkdirs();
            db.url();
            long start = System.nanoTime();
            SyncResult result = SyncTestCase.sync(new ListSource(ListStream.resumable("employees", schema, records)
                    .pageSize(1000)), db, SyncOptions.defaults().withCommitEvery(java.time.Duration.ofHours(1), Long.getLong("sluice.bench.commit", 200_000)));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf(Locale.ROOT, "%s: %,d records in %.2f s = %,.0f records/s (%s)%n", kind, count, seconds,
                    count / seconds, result.succeeded());
        }
    }
}

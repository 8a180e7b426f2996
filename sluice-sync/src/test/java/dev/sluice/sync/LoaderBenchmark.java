package dev.sluice.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
        ObjectNode schema = LoaderBenchmarkData.schema();
        List<ObjectNode> records = new ArrayList<>(count);
        LoaderBenchmarkData.fill(records, count);
        for (String kind : List.of("DuckDB", "DuckDB", "SQLite")) {
            TestDestination db = kind.equals("DuckDB") ? TestDestination.duckDb(dir.resolve("d" + System.nanoTime()))
                    : TestDestination.sqlite(dir.resolve("s" + System.nanoTime()));
            long start = System.nanoTime();
            SyncResult result = SyncTestCase.sync(new ListSource(ListStream.resumable("employees", schema, records)
                    .pageSize(1000)), db, SyncOptions.defaults().withCommitEvery(java.time.Duration.ofHours(1), Long.getLong("sluice.bench.commit", 200_000)));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf(Locale.ROOT, "%s: %,d records in %.2f s = %,.0f records/s (%s)%n", kind, count, seconds,
                    count / seconds, result.succeeded());
        }
    }
}

package dev.sluice.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.MessageWriter;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU per record: converting and appending into DuckDB, against writing the record as a protocol line. */
class ConverterBenchmark {

    @TempDir
    Path dir;

    @Test
    void perRecordCosts() throws Exception {
        int count = Integer.getInteger("sluice.bench.records", 200_000);
        List<ObjectNode> records = new java.util.ArrayList<>();
        LoaderBenchmarkData.fill(records, count);
        ObjectNode schema = LoaderBenchmarkData.schema();
        List<Column> columns = SchemaColumns.of(schema, 63);
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            MessageWriter writer = new MessageWriter(OutputStream.nullOutputStream());
            for (ObjectNode record : records) {
                writer.accept(new AirbyteRecord("employees", record, 1_700_000_000_000L));
            }
            writer.flush();
            double write = (System.nanoTime() - start) / 1e3 / count;

            DestinationUrl url = DestinationUrl.parse(dir.resolve("c" + round + ".duckdb").toString());
            try (Database database = Database.open(url)) {
                new Tables(database).create("employees", columns, false);
                database.begin();
                RowWriter out = database.dialect().writer(database.connection(), "employees", columns, false);
                RecordConverter converter = new RecordConverter(columns, false);
                start = System.nanoTime();
                RowWriter nothing = new NullWriter();
                for (ObjectNode record : records) {
                    converter.write(record, 1_700_000_000_000L, nothing);
                }
                double convert = (System.nanoTime() - start) / 1e3 / count;
                start = System.nanoTime();
                for (ObjectNode record : records) {
                    converter.write(record, 1_700_000_000_000L, out);
                }
                out.flush();
                double append = (System.nanoTime() - start) / 1e3 / count;
                start = System.nanoTime();
                out.close();
                database.commit();
                double commit = (System.nanoTime() - start) / 1e3 / count;
                System.err.printf("round %d: protocol line %.2f us, convert only %.2f us, convert+append %.2f us, "
                        + "commit %.2f us per record%n", round, write, convert, append, commit);
            }
        }
    }

    private static final class NullWriter implements RowWriter {
        @Override public void beginRow() { }
        @Override public void writeNull() { }
        @Override public void writeText(String value) { }
        @Override public void writeLong(long value) { }
        @Override public void writeDouble(double value) { }
        @Override public void writeBoolean(boolean value) { }
        @Override public void writeJson(String json) { }
        @Override public void writeTimestampMicros(long micros) { }
        @Override public void writeUuid(long most, long least) { }
        @Override public void endRow() { }
        @Override public void flush() { }
        @Override public void close() { }
    }
}

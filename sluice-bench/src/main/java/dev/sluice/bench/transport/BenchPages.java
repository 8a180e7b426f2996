package dev.sluice.bench.transport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.bench.BenchRecords;
import dev.sluice.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The comparison's two pages, from the bench stream's records: the small page is one page of the read benchmark
 * (100 records, about 17 KB, the next page number in the body); the large page is 64 blocks of about 1 MiB of
 * records, one JSON array (about 64 MiB), which the server writes block by block.
 */
final class BenchPages {

    static final int LARGE_BLOCKS = 64;

    private BenchPages() {
    }

    static FixedPageServer server() throws IOException {
        ObjectNode small = Json.object();
        ArrayNode data = small.putArray("data");
        for (long id = 1; id <= 100; id++) {
            data.add(BenchRecords.record(id));
        }
        small.put("next_page", 2);
        return new FixedPageServer(Json.MAPPER.writeValueAsBytes(small), ascii("{\"data\":["), largeBlock(),
                LARGE_BLOCKS, ascii("{}],\"next_page\":null}"));
    }

    /** About 1 MiB of records, each followed by a comma, so that blocks in a row stay one JSON array. */
    private static byte[] largeBlock() throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream(1 << 20);
        for (long id = 1; block.size() < 1 << 20; id++) {
            block.write(Json.MAPPER.writeValueAsBytes(BenchRecords.record(id)));
            block.write(',');
        }
        return block.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

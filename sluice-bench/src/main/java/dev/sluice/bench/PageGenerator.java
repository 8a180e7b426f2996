package dev.sluice.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bench stream as static pages {@code <dir>/<n>.json} (n from 1), 100 records each, with the next
 * page number in the body ({@code null} on the last page). A static server then answers {@code ?page=n}.
 *
 * <p>Usage: {@code PageGenerator <dir> <records>}.
 */
public final class PageGenerator {

    static final int PAGE_SIZE = 100;

    private PageGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long records = Long.parseLong(args[1]);
        Files.createDirectories(dir);
        long pages = (records + PAGE_SIZE - 1) / PAGE_SIZE;
        for (long page = 1; page <= pages; page++) {
            ObjectNode body = Json.object();
            ArrayNode data = body.putArray("data");
            long first = (page - 1) * PAGE_SIZE + 1;
            for (long id = first; id < first + PAGE_SIZE && id <= records; id++) {
                data.add(BenchRecords.record(id));
            }
            if (page < pages) {
                body.put("next_page", page + 1);
            } else {
                body.putNull("next_page");
            }
            body.put("total", records);
            try (OutputStream out = Files.newOutputStream(dir.resolve(page + ".json"))) {
                Json.MAPPER.writeValue(out, body);
            }
        }
    }
}

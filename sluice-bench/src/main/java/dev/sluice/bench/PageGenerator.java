package dev.sluice.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.protocol.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bench stream as static pages {@code <dir>/<n>.json} (n from 1), with the next page number in the body
 * ({@code null} on the last page). A static server then answers {@code ?page=n}. Pages are written record by record,
 * so a page of any size (the 300 MB single-page case) needs no memory.
 *
 * <p>Usage: {@code PageGenerator <dir> <records> [<records per page, default 100>]}.
 */
public final class PageGenerator {

    private PageGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long records = Long.parseLong(args[1]);
        long pageSize = args.length > 2 ? Long.parseLong(args[2]) : 100;
        Files.createDirectories(dir);
        long pages = (records + pageSize - 1) / pageSize;
        for (long page = 1; page <= pages; page++) {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(dir.resolve(page + ".json")), 1 << 16);
                    JsonGenerator out = Json.MAPPER.getFactory().createGenerator(file)) {
                out.writeStartObject();
                out.writeArrayFieldStart("data");
                long first = (page - 1) * pageSize + 1;
                for (long id = first; id < first + pageSize && id <= records; id++) {
                    Json.MAPPER.writeTree(out, BenchRecords.record(id));
                }
                out.writeEndArray();
                if (page < pages) {
                    out.writeNumberField("next_page", page + 1);
                } else {
                    out.writeNullField("next_page");
                }
                out.writeNumberField("total", records);
                out.writeEndObject();
            }
        }
    }
}

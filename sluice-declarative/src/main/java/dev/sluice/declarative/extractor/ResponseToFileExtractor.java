package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.http.HttpResponse;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.RecordException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtime of {@link ResponseToFileExtractorSpec}. {@link #save} runs while the body streams in (inside the retry
 * loop, so a body cut off is downloaded again into a fresh file); {@link #readRows} runs after the exchange and
 * deletes the file, however the reading ends. Memory holds one buffer and one row, whatever the body's size.
 * Thread-safe (it keeps no state between calls).
 */
public final class ResponseToFileExtractor {

    /**
     * pandas' default missing-value words ({@code pandas._libs.parsers.STR_NA_VALUES}), which the reference's
     * {@code read_csv(keep_default_na=True)} turns into null (extractors/response_to_file_extractor.py).
     */
    private static final Set<String> PANDAS_NA = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN",
            "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");
    private static final int BUFFER = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ResponseToFileExtractor.class);

    /** A body saved to disk: its file, the charset its text is in, and the response it came with (no body). */
    public record SavedBody(Path file, Charset charset, HttpResponse head) {
    }

    private final boolean preserveNaValues;

    public ResponseToFileExtractor(boolean preserveNaValues) {
        this.preserveNaValues = preserveNaValues;
    }

    /**
     * Streams a body to a new temporary file, decompressing a gzip or zlib body (recognised by its first bytes)
     * and dropping NUL bytes of a plain one, as the reference does.
     */
    public SavedBody save(HttpResponse head, InputStream body) throws IOException {
        Path file = Files.createTempFile("sluice-download-", ".csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
            BufferedInputStream in = new BufferedInputStream(body, BUFFER);
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            if (first == 0x1f && second == 0x8b) {
                copy(new GZIPInputStream(in, BUFFER), out, false);
            } else if (first >= 0 && second >= 0 && (first & 0x0f) == 8 && ((first << 8) | second) % 31 == 0) {
                copy(new InflaterInputStream(in), out, false);
            } else {
                copy(in, out, true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SavedBody(file, charset(head), head);
    }

    /**
     * Passes each CSV row of a saved body to {@code rows} as an object of the header's names, then deletes the
     * file. Returns how many rows there were. An empty file has none.
     */
    public int readRows(SavedBody saved, Consumer<ObjectNode> rows) {
        int count = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(saved.file()),
                saved.charset()), BUFFER)) {
            CsvRowReader csv = new CsvRowReader(reader);
            List<String> header = csv.next();
            if (header == null) {
                log.info("Empty data received in a downloaded file");
                return 0;
            }
            List<String> names = names(header);
            List<String> fields;
            while ((fields = csv.next()) != null) {
                if (fields.size() > names.size()) {
                    throw new RecordException(FailureType.SYSTEM_ERROR, "Error tokenizing the downloaded CSV: "
                            + "expected " + names.size() + " fields in line " + csv.rowLine() + ", saw "
                            + fields.size(), null);
                }
                ObjectNode row = Json.object();
                for (int i = 0; i < names.size(); i++) {
                    String value = i < fields.size() ? fields.get(i) : null;
                    if (value == null || isMissing(value)) {
                        row.putNull(names.get(i));
                    } else {
                        row.put(names.get(i), value);
                    }
                }
                count++;
                rows.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the downloaded file " + saved.file() + " failed", e);
        } finally {
            try {
                Files.deleteIfExists(saved.file());
            } catch (IOException e) {
                log.warn("Could not delete the downloaded file {}: {}", saved.file(), e.getMessage());
            }
        }
        return count;
    }

    private boolean isMissing(String value) {
        return preserveNaValues ? value.isEmpty() : PANDAS_NA.contains(value);
    }

    /** The header's names as pandas makes them: a byte-order mark dropped, a repeated name numbered. */
    private static List<String> names(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (name.isEmpty()) {
                name = "Unnamed: " + i;
            }
            String unique = name;
            for (int n = 1; seen.contains(unique); n++) {
                unique = name + "." + n;
            }
            seen.add(unique);
            names.add(unique);
        }
        return names;
    }

    private static void copy(InputStream in, OutputStream out, boolean dropNulBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long dropped = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (!dropNulBytes) {
                out.write(buffer, 0, read);
                continue;
            }
            int kept = 0;
            for (int i = 0; i < read; i++) {
                if (buffer[i] != 0) {
                    buffer[kept++] = buffer[i];
                }
            }
            dropped += read - kept;
            out.write(buffer, 0, kept);
        }
        if (dropped > 0) {
            log.warn("Dropped {} NUL bytes from a downloaded file", dropped);
        }
    }

    /** The {@code charset} of the Content-Type header, else UTF-8 (the reference's default). */
    private static Charset charset(HttpResponse head) {
        String contentType = head.header("content-type").orElse("");
        for (String part : contentType.split(";")) {
            String trimmed = part.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = trimmed.substring("charset=".length()).replace("\"", "").replace("'", "").strip();
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    log.warn("Unknown charset '{}' of a downloaded file; reading it as UTF-8", name);
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}

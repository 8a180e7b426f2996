package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.http.HttpResponse;
import java.util.List;

/**
 * Turns a response body into JSON documents: a JSON object is one document (a top-level array one per element),
 * JSON lines one per line, CSV one per row, XML one for the whole document. An empty body is no document. A body
 * that cannot be decoded throws a {@code RecordException} of {@code TRANSIENT_ERROR}, so that the retry loop
 * retries it (the reference mostly reads it as "no records"); one that expands beyond the size limit, or is not
 * the zip archive a {@code ZipfileDecoder} expects, is a {@code SYSTEM_ERROR}. Implementations are thread-safe.
 */
public interface Decoder {

    List<JsonNode> decode(HttpResponse response);
}

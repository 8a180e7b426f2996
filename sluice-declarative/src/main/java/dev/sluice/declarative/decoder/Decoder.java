package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.http.HttpResponse;
import java.util.List;

/**
 * Turns a response body into JSON documents. A JSON body is one document; JSON lines are one per line. An
 * empty body is no document. A body that cannot be decoded throws a {@code RecordException} of
 * {@code TRANSIENT_ERROR}, so that the retry loop retries it (the reference reads it as "no records").
 */
public interface Decoder {

    List<JsonNode> decode(HttpResponse response);
}

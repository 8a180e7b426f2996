package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.http.HttpResponse;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.RecordException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The errors and limits decoders share. A body that does not decode is a {@code transient_error} (the retry loop
 * retries it; a truncated transfer is the usual cause), where the reference mostly reads it as "no records".
 */
final class Undecodable {

    /** Unpacked (gunzipped, unzipped) bodies may not exceed what the transport accepts for a raw body. */
    static final long MAX_EXPANDED_BYTES = 512L * 1024 * 1024;

    private Undecodable() {
    }

    static RecordException error(String source, String problem, @Nullable Throwable cause) {
        return new RecordException(FailureType.TRANSIENT_ERROR, "Cannot decode " + source + ": " + problem, cause);
    }

    static RecordException tooLarge(String source) {
        return new RecordException(FailureType.SYSTEM_ERROR, "Cannot decode " + source + ": it expands to more than "
                + MAX_EXPANDED_BYTES / (1024 * 1024) + " MiB", null);
    }

    static String source(HttpResponse response) {
        return "the response to " + response.request().describe();
    }

    /** A decoder that parses the whole response body. */
    static Decoder of(BodyParser parser) {
        return response -> parser.parse(response.body(), source(response));
    }

    static List<JsonNode> none() {
        return List.of();
    }
}

package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Bytes to JSON documents: what a decoder does to a body that another decoder ({@code GzipDecoder},
 * {@code ZipfileDecoder}) has unpacked. An empty body is no document; bytes that cannot be decoded throw a
 * {@code RecordException} of {@code TRANSIENT_ERROR}, as {@link Decoder} does.
 */
@FunctionalInterface
public interface BodyParser {

    /** @param source what the bytes are, for error messages ({@code "the response to GET https://..."}) */
    List<JsonNode> parse(byte[] body, String source);
}

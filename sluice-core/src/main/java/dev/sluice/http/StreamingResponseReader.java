package dev.sluice.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a successful response's body as it arrives. Called once per attempt; an {@link IOException} (a body cut
 * off, a stall past the read timeout) or a transient {@link dev.sluice.source.RecordException} (malformed data)
 * makes the executor retry the request.
 */
@FunctionalInterface
public interface StreamingResponseReader<T> {

    /** @param head the status and headers (no body bytes) */
    T read(HttpResponse head, InputStream body) throws IOException;
}

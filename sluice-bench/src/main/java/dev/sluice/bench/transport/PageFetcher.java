package dev.sluice.bench.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** One HTTP client on one keep-alive connection: fetches a path and reads its body to the end without holding it. */
public interface PageFetcher extends Closeable {

    /** The consumer's read buffer, the same for every client, so that only the transport differs. */
    int READ_BUFFER_BYTES = 64 * 1024;

    /** Sends {@code GET path}, reads the body to its end and returns the number of body bytes read. */
    long fetch(String path) throws IOException;

    /** Reads {@code body} to its end through {@code buffer}; returns the number of bytes read. */
    static long drain(InputStream body, byte[] buffer) throws IOException {
        long total = 0;
        int read;
        while ((read = body.read(buffer)) >= 0) {
            total += read;
        }
        return total;
    }
}

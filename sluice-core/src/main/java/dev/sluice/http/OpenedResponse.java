package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response whose status and headers have arrived and whose body is still to be read, as a stream. Whoever
 * holds it closes it (closing before the end abandons the rest of the body).
 */
public record OpenedResponse(HttpRequest request, int status, ResponseHeaders headers, InputStream body)
        implements Closeable {

    public OpenedResponse {
        requireNonNull(request, "request is null");
        requireNonNull(headers, "headers is null");
        requireNonNull(body, "body is null");
    }

    /** The status and headers, without body bytes. */
    public HttpResponse head() {
        return HttpResponse.empty(request, status, headers);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}

package dev.sluice.bench.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The JDK client as the measurement used it, but streaming: {@code send} with {@code ofInputStream()}. */
final class JdkClientFetcher implements PageFetcher {

    private final HttpClient client;
    private final URI base;
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];

    JdkClientFetcher(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Timeouts.CONNECT)
                .build();
    }

    @Override
    public long fetch(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Timeouts.READ).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        try (InputStream body = response.body()) {
            return PageFetcher.drain(body, buffer);
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its connection goes with the client
    }
}

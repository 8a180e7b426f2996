package dev.sluice.bench.transport;

import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpTransport;
import dev.sluice.http.OpenedResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** Sluice's own transport as a read uses it today: {@code HttpTransport.jdk} with the default options. */
final class SluiceTransportFetcher implements PageFetcher {

    private final HttpTransport transport = HttpTransport.jdk(HttpTransport.Options.DEFAULTS);
    private final URI base;
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];

    SluiceTransportFetcher(URI base) {
        this.base = base;
    }

    @Override
    public long fetch(String path) throws IOException {
        OpenedResponse response = transport.open(HttpRequest.get(base.resolve(path)));
        try (InputStream body = response.body()) {
            return PageFetcher.drain(body, buffer);
        }
    }

    @Override
    public void close() {
        // the JDK client underneath has no close() before Java 21
    }
}

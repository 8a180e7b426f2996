package dev.sluice.bench.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;

/** Jetty 12's client (its own selector and thread pool), used blocking through an InputStreamResponseListener. */
final class JettyClientFetcher implements PageFetcher {

    private final HttpClient client = new HttpClient();
    private final URI base;
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];

    JettyClientFetcher(URI base) throws IOException {
        this.base = base;
        client.setConnectTimeout(Timeouts.CONNECT.toMillis());
        client.setIdleTimeout(Timeouts.READ.toMillis());
        client.setMaxConnectionsPerDestination(1);
        try {
            client.start();
        } catch (Exception e) {
            throw new IOException("Jetty's client did not start", e);
        }
    }

    @Override
    public long fetch(String path) throws IOException {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        client.newRequest(base.resolve(path)).send(listener);
        Response response;
        try {
            response = listener.get(Timeouts.READ.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("GET " + path + " failed", e);
        }
        if (response.getStatus() != 200) {
            throw new IOException("unexpected status " + response.getStatus());
        }
        try (InputStream body = listener.getInputStream()) {
            return PageFetcher.drain(body, buffer);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IOException("Jetty's client did not stop", e);
        }
    }
}

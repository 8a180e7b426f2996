package dev.sluice.examples.demo.api;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One request's answer in the making, as a {@link Fault} sees it. Its operations are internal to the demo
 * API: the type is public only because {@link Fault#deliver(Exchange)} is.
 */
public final class Exchange {

    private final Connection connection;
    private final Supplier<Response> route;
    private boolean keepAlive;
    private @Nullable Response normal;

    Exchange(Connection connection, boolean keepAlive, Supplier<Response> route) {
        this.connection = connection;
        this.keepAlive = keepAlive;
        this.route = route;
    }

    /** The response the API would give without a fault; computed once, on first use. */
    Response normalResponse() {
        Response response = normal;
        if (response == null) {
            response = route.get();
            normal = response;
        }
        return response;
    }

    /** Whether the connection may carry another request after this one. */
    boolean keepAlive() {
        return keepAlive;
    }

    void respond() throws IOException {
        send(normalResponse());
    }

    void send(Response response) throws IOException {
        connection.writeHead(response, response.body().length, keepAlive);
        connection.writeBody(response.body(), 0, response.body().length);
        connection.flush();
    }

    /** Headers promising {@code declaredLength} body bytes, then the first {@code sentBytes} of the body. */
    void sendPart(Response response, int declaredLength, int sentBytes) throws IOException {
        connection.writeHead(response, declaredLength, keepAlive);
        connection.writeBody(response.body(), 0, sentBytes);
        connection.flush();
    }

    void sendRest(Response response, int from) throws IOException {
        connection.writeBody(response.body(), from, response.body().length - from);
        connection.flush();
    }

    /**
     * Waits without answering. Ends early with an {@link IOException} when the client hangs up or the server is
     * closed, so that a stalled exchange never outlives either end.
     */
    void pause(Duration duration) throws IOException {
        connection.pause(duration);
    }

    /** Closes the connection with a FIN and without a (further) byte of response. */
    void dropConnection() throws IOException {
        keepAlive = false;
        connection.close();
    }

    /** Aborts the connection with a TCP RST. */
    void reset() throws IOException {
        keepAlive = false;
        connection.reset();
    }
}

package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Faults that break the connection, as a JDK client sees them. That client retries a GET once, silently, when its
 * connection ends before any response byte; so connection-ending faults are scheduled twice here.
 */
class ConnectionFaultsTest extends DemoApiTestCase {

    /** Long enough never to end on its own during a test; close() or the client must end it. */
    private static final Duration FOREVER = Duration.ofMinutes(10);
    /** How long a client waits before concluding that the body stalled; the stall itself is FOREVER. */
    private static final long READ_TIMEOUT_MILLIS = 300;

    @Test
    void dropConnectionClosesWithoutAResponse() {
        api.faults().times(2, "/employees", new Fault.DropConnection());

        assertThatThrownBy(() -> client.get("/employees"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("received no bytes");
        assertThat(api.requests().forPath("/employees")).hasSize(2);
        assertThat(api.faults().pending()).isEmpty();
    }

    @Test
    void theJdkClientHidesASingleDroppedConnectionByRetrying() throws Exception {
        api.faults().once("/employees", new Fault.DropConnection());

        assertThat(client.get("/employees").statusCode()).isEqualTo(200);
        assertThat(api.requests().forPath("/employees")).hasSize(2);
    }

    @Test
    void resetAbortsTheConnection() {
        api.faults().times(2, "/employees", new Fault.Reset());

        assertThatThrownBy(() -> client.get("/employees"))
                .isInstanceOf(IOException.class)
                .hasRootCauseInstanceOf(SocketException.class)
                .hasRootCauseMessage("Connection reset");
    }

    @Test
    void truncatedBodyEndsBeforeTheAnnouncedLength() {
        api.faults().once("/employees", new Fault.TruncatedBody());

        assertThatThrownBy(() -> client.get("/employees"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("fixed content-length");
        assertThat(api.requests().forPath("/employees")).hasSize(1);
    }

    @Test
    void truncatedBodyAnnouncesTheFullLengthAndSendsHalf() throws Exception {
        int fullLength = client.get("/employees?page=2").body().getBytes(StandardCharsets.UTF_8).length;
        try (TestClient fresh = new TestClient(api)) {
            api.faults().once("/employees", new Fault.TruncatedBody());

            HttpResponse<InputStream> response = fresh.client().send(fresh.request("/employees?page=2").build(),
                    HttpResponse.BodyHandlers.ofInputStream());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(fullLength);
            byte[] received = new byte[fullLength];
            int count = 0;
            try (InputStream body = response.body()) {
                int read = body.read(received, 0, fullLength);
                while (read != -1 && count + read < fullLength) {
                    count += read;
                    read = body.read(received, count, fullLength - count);
                }
                count += Math.max(read, 0);
            } catch (IOException expected) {
                // the JDK client reports the early end as an exception after delivering what arrived
            }
            assertThat(count).isLessThanOrEqualTo(fullLength / 2);
        }
    }

    @Test
    void stallMidBodySendsHeadersAndHalfTheBodyThenNothing() throws Exception {
        api.faults().once("/employees", new Fault.StallMidBody(FOREVER));

        HttpResponse<InputStream> response = client.client().send(client.request("/employees").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<byte[]> body = readAllAsync(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        // A client observes a stall only through its own read timeout (the JDK's request timeout ended with the
        // headers); the stall never ends by itself here.
        assertThatThrownBy(() -> body.get(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                .isInstanceOf(TimeoutException.class);
        response.body().close();
    }

    @Test
    void stallMidBodyEndsWhenTheServerCloses() throws Exception {
        api.faults().once("/employees", new Fault.StallMidBody(FOREVER));
        HttpResponse<InputStream> response = client.client().send(client.request("/employees").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<byte[]> body = readAllAsync(response.body());

        api.close();

        assertThatThrownBy(() -> body.get(TestClient.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void aShortStallDeliversTheWholeBodyAfterwards() throws Exception {
        String normal = client.get("/employees?page=5").body();
        try (TestClient fresh = new TestClient(api)) {
            api.faults().once("/employees", new Fault.StallMidBody(Duration.ofMillis(200)));

            long started = System.nanoTime();
            HttpResponse<String> response = fresh.get("/employees?page=5");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(response.body()).isEqualTo(normal);
            assertThat(Json.parse(response.body()).get("data")).hasSize(100);
        }
    }

    @Test
    void aClientThatHangsUpEndsTheStallOnTheServer() throws Exception {
        try (DemoApi single = DemoApi.start(DemoApiOptions.defaults().withMaxConnections(1))) {
            single.faults().once("/employees", new Fault.StallMidBody(FOREVER));
            try (RawConnection stalled = new RawConnection(single)) {
                stalled.write("GET /employees HTTP/1.1\r\n\r\n");
                assertThat(stalled.read()).isEqualTo('H');
            }

            // The only connection thread was stalled; once it notices the hang-up it takes new connections again.
            // Until then new connections are refused with 503, so poll, bounded by a generous deadline.
            long deadline = System.nanoTime() + TestClient.REQUEST_TIMEOUT.toNanos();
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline) {
                try (RawConnection next = new RawConnection(single)) {
                    next.write("GET /health HTTP/1.1\r\n\r\n");
                    status = next.readResponse().status();
                }
                if (status != 200) {
                    Thread.sleep(10); // back off between polls; correctness does not depend on it
                }
            }
            assertThat(status).isEqualTo(200);
        }
    }

    private static CompletableFuture<byte[]> readAllAsync(InputStream body) {
        return CompletableFuture.supplyAsync(() -> {
            try (body) {
                return body.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

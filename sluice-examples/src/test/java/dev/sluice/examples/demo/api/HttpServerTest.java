package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.source.ConfigException;
import java.io.IOException;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written HTTP/1.1 server: framing, keep-alive, limits and shutdown. */
class HttpServerTest extends DemoApiTestCase {

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        try (RawConnection connection = new RawConnection(api)) {
            connection.write("GET /health HTTP/1.1\r\nHost: demo\r\n\r\n");
            RawConnection.RawResponse first = connection.readResponse();
            connection.write("GET /employees?page_size=1 HTTP/1.1\r\nHost: demo\r\n\r\n");
            RawConnection.RawResponse second = connection.readResponse();

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(first.headers()).doesNotContainKey("connection");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.body()).startsWith("{\"data\":[{\"id\":1,");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawConnection connection = new RawConnection(api)) {
            connection.write("GET /health HTTP/1.1\r\n\r\nGET /nope HTTP/1.1\r\n\r\n");

            assertThat(connection.readResponse().status()).isEqualTo(200);
            assertThat(connection.readResponse().status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1\r\nConnection: close", "HTTP/1.0"})
    void closesTheConnectionWhenTheClientAsks(String versionAndHeader) throws Exception {
        try (RawConnection connection = new RawConnection(api)) {
            connection.write("GET /health " + versionAndHeader + "\r\n\r\n");

            RawConnection.RawResponse response = connection.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers()).containsEntry("connection", "close");
            assertThat(connection.read()).isEqualTo(-1);
        }
    }

    @Test
    void theJdkClientsH2cUpgradeIsIgnored() throws Exception {
        try (TestClient client = new TestClient(api, HttpClient.Version.HTTP_2)) {
            HttpResponse<String> response = client.get("/health");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(api.requests().last().orElseThrow().header("Upgrade")).hasValue("h2c");
            assertThat(client.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void postBodiesAreReadAfterOneHundredContinue() throws Exception {
        try (TestClient client = new TestClient(api)) {
            HttpResponse<String> response = client.send(client.request("/_admin/faults").expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"path\": \"/x\", \"fault\": {\"type\": \"RESET\"}}")));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(api.faults().pending()).hasSize(1);
        }
    }

    @Test
    void absoluteTargetsAndPercentEncodedPathsAreUnderstood() throws Exception {
        try (RawConnection connection = new RawConnection(api)) {
            connection.write("GET http://127.0.0.1:" + api.port() + "/health?x=1 HTTP/1.1\r\n\r\n");
            assertThat(connection.readResponse().status()).isEqualTo(200);
            connection.write("GET /employee%5Fbenefits HTTP/1.1\r\n\r\n");
            assertThat(connection.readResponse().status()).isEqualTo(200);
        }
        assertThat(api.requests().all()).extracting(RecordedRequest::path)
                .containsExactly("/health", "/employee_benefits");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NONSENSE\r\n\r\n",
        "GET /health\r\n\r\n",
        "GET health HTTP/1.1\r\n\r\n",
        "GET /%zz HTTP/1.1\r\n\r\n",
        "GET /health?a=%zz HTTP/1.1\r\n\r\n",
        "GET /health HTTP/1.1\r\nNo colon here\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost : demo\r\n\r\n",
        "POST /health HTTP/1.1\r\nContent-Length: ten\r\n\r\n",
        "POST /health HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
    })
    void malformedRequestsGetA400AndTheConnectionIsClosed(String request) throws Exception {
        assertRefused(request, 400);
    }

    @Test
    void unsupportedVersionsChunkedAndHugeBodiesAreRefused() throws Exception {
        assertRefused("GET /health HTTP/2.0\r\n\r\n", 505);
        assertRefused("POST /health HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501);
        assertRefused("POST /health HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n" + "x".repeat(100_000), 413);
        assertRefused("GET /" + "a".repeat(RequestParser.MAX_LINE_BYTES) + " HTTP/1.1\r\n\r\n", 431);
    }

    @Test
    void idleConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        try (DemoApi impatient = DemoApi.start(DemoApiOptions.defaults().withIdleTimeout(Duration.ofMillis(100)));
                RawConnection connection = new RawConnection(impatient)) {
            connection.write("GET /health HTTP/1.1\r\n\r\n");
            assertThat(connection.readResponse().status()).isEqualTo(200);

            assertThat(connection.read()).isEqualTo(-1);
        }
    }

    @Test
    void connectionsBeyondTheLimitGetA503() throws Exception {
        try (DemoApi small = DemoApi.start(DemoApiOptions.defaults().withMaxConnections(1));
                RawConnection busy = new RawConnection(small);
                RawConnection refused = new RawConnection(small)) {
            busy.write("GET /health HTTP/1.1\r\n\r\n");
            assertThat(busy.readResponse().status()).isEqualTo(200); // its thread now waits for a next request

            refused.write("GET /health HTTP/1.1\r\n\r\n");
            RawConnection.RawResponse response = refused.readResponse();

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.body()).isEqualTo("{\"error\":\"too many connections\"}");
            assertThat(refused.read()).isEqualTo(-1);
        }
    }

    @Test
    void closeEndsOpenConnectionsPromptlyAndLeavesNoThreads() throws Exception {
        api.faults().once("/employees", new Fault.StallMidBody(Duration.ofMinutes(10)));
        String threadPrefix = "demo-api-" + api.port() + "-";
        try (RawConnection idle = new RawConnection(api); RawConnection stalled = new RawConnection(api)) {
            idle.write("GET /health HTTP/1.1\r\n\r\n");
            assertThat(idle.readResponse().status()).isEqualTo(200);
            stalled.write("GET /employees HTTP/1.1\r\n\r\n");
            assertThat(stalled.read()).isEqualTo('H'); // the stalled response has begun
            assertThat(threadsNamed(threadPrefix)).isNotEmpty();

            api.close();

            assertClosedByServer(idle);
            assertClosedByServer(stalled);
            assertThat(threadsNamed(threadPrefix)).isEmpty();
        }
        api.close(); // a second close is harmless
    }

    @Test
    void aBusyPortIsAConfigError() {
        assertThatThrownBy(() -> DemoApi.start(DemoApiOptions.defaults().withPort(api.port())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("127.0.0.1:" + api.port());
    }

    @Test
    void baseUriNamesTheChosenPort() {
        assertThat(api.port()).isPositive();
        assertThat(api.baseUri()).hasToString("http://127.0.0.1:" + api.port());
    }

    @Test
    void optionsAreValidated() {
        DemoApiOptions defaults = DemoApiOptions.defaults();
        assertThat(defaults.employeeCount()).isEqualTo(5_000);
        assertThat(defaults.timeOffRequestCount()).isEqualTo(1_000);
        assertThat(defaults.apiKey()).isNull();
        assertThatThrownBy(() -> defaults.withPort(70_000)).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> defaults.withLatency(Duration.ofMillis(-1))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> defaults.withEmployeeCount(0)).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> defaults.withApiKey(" ")).isInstanceOf(ConfigException.class);
    }

    private void assertRefused(String request, int status) throws IOException {
        try (RawConnection connection = new RawConnection(api)) {
            connection.write(request);

            RawConnection.RawResponse response = connection.readResponse();
            assertThat(response.status()).as(request).isEqualTo(status);
            assertThat(response.headers()).containsEntry("connection", "close");
            assertThat(response.body()).startsWith("{\"error\":");
            assertThat(connection.read()).isEqualTo(-1);
        }
    }

    private static void assertClosedByServer(RawConnection connection) throws IOException {
        try {
            while (connection.read() != -1) {
                // drain what was sent before the close
            }
        } catch (SocketException reset) {
            // closing with unread input sends RST: closed all the same
        }
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.toList());
    }
}

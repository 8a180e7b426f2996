package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteTrace.StreamStatus;
import dev.sluice.protocol.AirbyteTrace.TraceError;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An API that answers every page with the same next-page token, a server that accepts connections and never
 * answers, a port that never completes a connection and a port nobody listens on, each read by the declarative and
 * the code-first {@link ItemsConnector} through the CLI in its own JVM (connect and read timeouts of 1 s): the
 * stream ends INCOMPLETE with a clear error naming the request after the retry budget, and the process ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageLoopAndTimeoutsCliTest {

    private static final String KEY = "loop-key-3f9a";
    /** Ends a loop the connector does not notice, so that a broken guard fails the test instead of hanging it. */
    private static final int LOOP_LIMIT = 50;
    private static final Duration RUN_LIMIT = Duration.ofMinutes(1);

    private Path dir;
    private CliProcess cli;
    private HostileApi api;
    private ServerSocket silent;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket full;
    private final List<Socket> backlog = new ArrayList<>();
    private int refusingPort;
    private int runs;
    private final AtomicInteger loopRequests = new AtomicInteger();

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("sluice-loops");
        cli = new CliProcess(dir, "-XX:TieredStopAtLevel=1", "-Dsluice.http.read-timeout=1",
                "-Dsluice.http.connect-timeout=1");
        api = HostileApi.start().answer("/loop", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            int page = query != null && query.contains("page=") ? Integer.parseInt(query.replaceAll(".*page=(\\d+).*",
                    "$1")) : 1;
            // Page 1 points to page 2, and page 2 points to itself.
            String body = loopRequests.incrementAndGet() > LOOP_LIMIT ? "{\"data\": []}"
                    : "{\"data\": [{\"id\": " + (page * 10 + 1) + "}, {\"id\": " + (page * 10 + 2) + "}], "
                    + "\"next_page\": 2}";
            HostileApi.json(200, body).respond(exchange);
        });
        silent = listen(50);
        Thread acceptor = new Thread(this::holdConnections, "silent-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        full = fullBacklog();
        try (ServerSocket closed = listen(1)) {
            refusingPort = closed.getLocalPort();
        }
    }

    @AfterAll
    void stop() throws IOException {
        api.close();
        silent.close();
        for (Socket socket : held) {
            socket.close();
        }
        for (Socket socket : backlog) {
            socket.close();
        }
        full.close();
    }

    private static ServerSocket listen(int backlog) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
        return socket;
    }

    /** Accepts every connection and never reads or writes a byte. */
    private void holdConnections() {
        while (!silent.isClosed()) {
            try {
                held.add(silent.accept());
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * A listening socket that never accepts, with its accept queue filled by connections of our own: the kernel
     * then drops further connection attempts (SYNs) without an answer, so a client's connect can only time out.
     */
    private ServerSocket fullBacklog() throws IOException {
        ServerSocket socket = listen(1);
        for (int i = 0; i < 16; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(socket.getLocalSocketAddress(), 200);
                backlog.add(filler);
            } catch (SocketTimeoutException e) {
                filler.close();
                return socket;
            }
        }
        throw new AssertionError("the accept queue never filled up; connect timeouts cannot be tested this way");
    }

    private CliProcess.Result read(ItemsConnector kind, String baseUrl, String path) throws Exception {
        String name = "run" + (++runs);
        ObjectNode config = ItemsConnector.config(baseUrl, path, KEY);
        long start = System.nanoTime();
        CliProcess.Result result = cli.run(name, RUN_LIMIT, kind.read(dir, name, config).toArray(String[]::new));
        System.out.printf("%s %s: %d ms%n", kind, path, (System.nanoTime() - start) / 1_000_000);
        assertThat(result.stdout() + result.stderr()).doesNotContain(KEY);
        return result;
    }

    private static TraceError failedOnce(CliProcess.Result result) {
        assertThat(result.exitCode()).as(result.stdout()).isEqualTo(1);
        assertThat(result.output().statuses("items")).endsWith(StreamStatus.INCOMPLETE);
        return result.output().errors().get(0);
    }

    @ParameterizedTest
    @EnumSource(value = ItemsConnector.class, names = "DECLARATIVE")
    void aRepeatedNextPageTokenEndsTheStreamWithAClearError(ItemsConnector kind) throws Exception {
        loopRequests.set(0);
        CliProcess.Result result = read(kind, api.baseUrl(), "loop");

        TraceError error = failedOnce(result);
        assertThat(error.message()).contains("same next page token").contains("/loop");
        assertThat(result.output().records("items")).extracting(record -> record.get("id").asInt())
                .containsExactly(11, 12, 21, 22);
        assertThat(loopRequests.get()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = ItemsConnector.class, names = "CODE_FIRST")
    void aRepeatedNextPageTokenEndsTheCodeFirstStreamWithAClearError(ItemsConnector kind) throws Exception {
        aRepeatedNextPageTokenEndsTheStreamWithAClearError(kind);
    }

    @ParameterizedTest
    @EnumSource(ItemsConnector.class)
    void aServerThatNeverAnswersTimesOutOnEveryAttempt(ItemsConnector kind) throws Exception {
        int before = held.size();
        CliProcess.Result result = read(kind, "http://127.0.0.1:" + silent.getLocalPort(), "silent");

        TraceError error = failedOnce(result);
        assertThat(error.message()).contains("GET http://127.0.0.1:" + silent.getLocalPort() + "/silent")
                .containsIgnoringCase("timed out");
        assertThat(error.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (held.size() - before < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10); // the acceptor thread may not have taken the last connection yet
        }
        assertThat(held.size() - before).as("connections, one per attempt").isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(ItemsConnector.class)
    void aPortThatNeverCompletesAConnectionTimesOutOnConnect(ItemsConnector kind) throws Exception {
        CliProcess.Result result = read(kind, "http://127.0.0.1:" + full.getLocalPort(), "unreachable");

        TraceError error = failedOnce(result);
        assertThat(error.message()).contains("/unreachable").containsIgnoringCase("connect timed out");
        assertThat(error.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
    }

    @ParameterizedTest
    @EnumSource(ItemsConnector.class)
    void aRefusedConnectionIsRetriedThenReported(ItemsConnector kind) throws Exception {
        CliProcess.Result result = read(kind, "http://127.0.0.1:" + refusingPort, "refused");

        TraceError error = failedOnce(result);
        assertThat(error.message()).contains("/refused").contains("Exhausted available request attempts (3)");
        assertThat(error.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
        assertThat(Json.write(result.output().logs())).contains("Retrying GET http://127.0.0.1:" + refusingPort);
    }
}

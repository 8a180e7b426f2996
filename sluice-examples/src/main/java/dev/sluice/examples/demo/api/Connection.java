package dev.sluice.examples.demo.api;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One accepted socket: reads requests until the client, a fault, the idle timeout or the server ends it. */
final class Connection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    /** Headers that frame the message; the server writes them itself, so a fault's own headers cannot clash. */
    private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "connection", "transfer-encoding");

    private static final int REFUSAL_DRAIN_MILLIS = 250;

    private final Socket socket;
    private final BufferedInputStream in;
    private final OutputStream out;
    private final Dispatcher dispatcher;
    private final int idleTimeoutMillis;

    Connection(Socket socket, Dispatcher dispatcher, Duration idleTimeout) throws IOException {
        this.socket = socket;
        this.dispatcher = dispatcher;
        this.idleTimeoutMillis = toTimeoutMillis(idleTimeout.toNanos());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(idleTimeoutMillis);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    @Override
    public void run() {
        try (socket) {
            RequestParser parser = new RequestParser(in, out, dispatcher.clock());
            boolean open = true;
            while (open) {
                open = serveNext(parser);
            }
        } catch (SocketTimeoutException e) {
            log.debug("Closing idle connection from port {}", socket.getPort());
        } catch (IOException e) {
            log.debug("Connection from port {} ended: {}", socket.getPort(), e.toString());
        }
    }

    private boolean serveNext(RequestParser parser) throws IOException {
        Optional<RequestParser.Incoming> incoming;
        try {
            incoming = parser.next();
        } catch (RequestException e) {
            refuse(e.toResponse());
            return false;
        }
        return incoming.isPresent() && dispatcher.serve(this, incoming.get());
    }

    /**
     * Answers without reading (the rest of) the request, then closes. Closing a socket with unread input sends RST,
     * which can destroy the answer before the client reads it; so shut down output first and drain for a moment.
     */
    void refuse(Response response) {
        try (socket) {
            writeHead(response, response.body().length, false);
            writeBody(response.body(), 0, response.body().length);
            flush();
            socket.shutdownOutput();
            socket.setSoTimeout(REFUSAL_DRAIN_MILLIS);
            byte[] sink = new byte[8192];
            long drained = 0;
            int read = in.read(sink);
            while (read != -1 && drained < RequestParser.MAX_BODY_BYTES) {
                drained += read;
                read = in.read(sink);
            }
        } catch (IOException e) {
            log.debug("Refused connection from port {} ended: {}", socket.getPort(), e.toString());
        }
    }

    void writeHead(Response response, long contentLength, boolean keepAlive) throws IOException {
        int status = response.status();
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ").append(status).append(' ').append(Response.reason(status)).append("\r\n");
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            if (!FRAMING_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(contentLength).append("\r\n");
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    void writeBody(byte[] body, int offset, int length) throws IOException {
        out.write(body, offset, length);
    }

    void flush() throws IOException {
        out.flush();
    }

    /**
     * Waits for {@code duration} by reading with a timeout rather than sleeping: a read notices at once when the
     * client hangs up (end of stream) or the server closes the socket (exception).
     */
    void pause(Duration duration) throws IOException {
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            for (long remaining = duration.toNanos(); remaining > 0; remaining = deadline - System.nanoTime()) {
                socket.setSoTimeout(toTimeoutMillis(remaining));
                in.mark(1);
                int next;
                try {
                    next = in.read();
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (next == -1) {
                    throw new EOFException("client closed the connection during a pause");
                }
                // The client sent its next request early; keep it for the parser and wait out the pause plainly.
                in.reset();
                sleep(deadline - System.nanoTime());
                return;
            }
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(idleTimeoutMillis);
            }
        }
    }

    void close() throws IOException {
        socket.close();
    }

    /** SO_LINGER 0 makes close() send RST instead of FIN: the client sees "connection reset". */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static void sleep(long nanos) throws IOException {
        try {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during a pause", e);
        }
    }

    /** Socket timeouts are int milliseconds where 0 means "forever", so round up and clamp. */
    private static int toTimeoutMillis(long nanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos + 999_999);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }
}

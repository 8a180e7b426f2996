package dev.sluice.bench.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keep-alive HTTP/1.1 server on 127.0.0.1 that answers {@code GET /small} and {@code GET /large} with fixed,
 * pre-rendered bytes, one thread per connection. It allocates nothing per request and parses nothing but the end
 * of the request head, so its own cost per request is as small as a server's can be. {@link PageServerProcess}
 * runs it in a JVM of its own, so that the client's process measures the client alone.
 *
 * <p>Usage: {@code FixedPageServer <report file>}: writes {@code <port> <small page bytes> <large page bytes>} to the
 * report file once it listens, serves until its standard input ends, then replaces the report with
 * {@code connections <number accepted>}. (Standard output is the protocol writer's alone, even in the bench.)
 */
public final class FixedPageServer implements Closeable {

    private static final String THREAD_PREFIX = "fixed-page-server-";

    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    private final ServerSocket listener;
    private final byte[] smallResponse;
    private final byte[] largeHead;
    private final byte[] largeBlock;
    private final int largeBlocks;
    private final byte[] largeSuffix;
    private final long smallLength;
    private final long largeLength;
    private final AtomicInteger connections = new AtomicInteger();

    /**
     * Serves {@code small} whole, and a large body of {@code largeBlocks} copies of {@code largeBlock} between
     * {@code largePrefix} and {@code largeSuffix}, written block by block (the server never holds the large page).
     */
    public FixedPageServer(byte[] small, byte[] largePrefix, byte[] largeBlock, int largeBlocks, byte[] largeSuffix)
            throws IOException {
        this.smallResponse = concat(head(small.length), small);
        this.largeBlock = largeBlock;
        this.largeBlocks = largeBlocks;
        long largeLength = largePrefix.length + (long) largeBlock.length * largeBlocks + largeSuffix.length;
        this.largeHead = concat(head(largeLength), largePrefix);
        this.largeSuffix = largeSuffix;
        this.smallLength = small.length;
        this.largeLength = largeLength;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, THREAD_PREFIX + "accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static void main(String[] args) throws IOException {
        Path report = Path.of(args[0]);
        try (FixedPageServer server = BenchPages.server()) {
            write(report, server.port() + " " + server.smallLength() + " " + server.largeLength());
            while (System.in.read() >= 0) {
                // serve until the parent closes our standard input (or dies)
            }
            write(report, "connections " + server.connections());
        }
    }

    /** Replaces the report file whole (write aside, then move), so that the parent never reads half a line. */
    private static void write(Path report, String line) throws IOException {
        Path aside = report.resolveSibling(report.getFileName() + ".tmp");
        Files.writeString(aside, line + "\n", StandardCharsets.US_ASCII);
        Files.move(aside, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    public long smallLength() {
        return smallLength;
    }

    public long largeLength() {
        return largeLength;
    }

    /** How many connections were accepted: a client measured on one keep-alive connection must have opened one. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                int number = connections.incrementAndGet();
                Thread connection = new Thread(() -> serve(socket), THREAD_PREFIX + number);
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        byte[] buffer = new byte[8192];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            int filled = 0;
            while (true) {
                int end = indexOf(buffer, filled, HEAD_END);
                if (end < 0) {
                    if (filled == buffer.length) {
                        return; // a request head larger than the buffer: not one of ours
                    }
                    int read = in.read(buffer, filled, buffer.length - filled);
                    if (read < 0) {
                        return;
                    }
                    filled += read;
                    continue;
                }
                // "GET /small" or "GET /large": the sixth byte tells them apart
                if (buffer[5] == 'l') {
                    out.write(largeHead);
                    for (int i = 0; i < largeBlocks; i++) {
                        out.write(largeBlock);
                    }
                    out.write(largeSuffix);
                } else {
                    out.write(smallResponse);
                }
                int consumed = end + HEAD_END.length;
                System.arraycopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    private static int indexOf(byte[] buffer, int length, byte[] target) {
        for (int i = 0; i + target.length <= length; i++) {
            int j = 0;
            while (j < target.length && buffer[i + j] == target[j]) {
                j++;
            }
            if (j == target.length) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] head(long contentLength) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}

package dev.sluice.bench.transport;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The measuring ceiling, not a client: writes a minimal GET and reads a Content-Length body from one socket.
 * It understands only what the page server sends (no chunked bodies, no redirects), which is why it is the
 * ceiling: what any HTTP client costs beyond the socket reads and writes themselves.
 */
final class SocketFetcher implements PageFetcher {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];
    private final StringBuilder line = new StringBuilder(128);

    SocketFetcher(URI base) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) Timeouts.CONNECT.toMillis());
        socket.setSoTimeout((int) Timeouts.READ.toMillis());
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), READ_BUFFER_BYTES);
        out = socket.getOutputStream();
        host = base.getHost() + ":" + base.getPort();
    }

    @Override
    public long fetch(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException("unexpected status line: " + status);
        }
        long length = -1;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(header.substring(15).strip());
            }
        }
        if (length < 0) {
            throw new IOException("no Content-Length in the response to " + path);
        }
        long remaining = length;
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new EOFException("body ended " + remaining + " bytes early");
            }
            remaining -= read;
        }
        return length;
    }

    private String readLine() throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed in the response headers");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

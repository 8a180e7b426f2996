package dev.sluice.examples.demo.api;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads HTTP/1.x requests off one connection: request line, headers and a {@code Content-Length} body.
 *
 * <p>Chunked request bodies are refused (501): the demo API's clients send small JSON or form bodies with a
 * length. {@code Upgrade: h2c}, which the JDK client adds to bodiless requests, is ignored, so the client keeps
 * speaking HTTP/1.1.
 */
final class RequestParser {

    static final int MAX_LINE_BYTES = 16 * 1024;
    static final int MAX_HEADER_COUNT = 100;
    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** A request plus what only the connection loop needs: whether the client wants the connection kept. */
    record Incoming(RecordedRequest request, boolean keepAlive) {
    }

    private final InputStream in;
    private final OutputStream out;
    private final Clock clock;

    RequestParser(InputStream in, OutputStream out, Clock clock) {
        this.in = in;
        this.out = out;
        this.clock = clock;
    }

    /**
     * The next request, or empty when the client closed the connection between requests. A request the server
     * cannot accept throws {@link RequestException}; the connection must then be closed, since the rest of it
     * cannot be framed.
     */
    Optional<Incoming> next() throws IOException, RequestException {
        String requestLine = readLine(true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(true); // RFC 9112 2.2: tolerate blank lines before a request
        }
        if (requestLine == null) {
            return Optional.empty();
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new RequestException(400, "malformed request line");
        }
        String version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new RequestException(505, "only HTTP/1.0 and HTTP/1.1 are supported");
        }
        String target = originForm(parts[1]);
        int question = target.indexOf('?');
        String path = decodePath(question < 0 ? target : target.substring(0, question));
        Map<String, List<String>> query = decodeQuery(question < 0 ? "" : target.substring(question + 1));
        Map<String, List<String>> headers = readHeaders();
        byte[] body = readBody(headers);
        RecordedRequest request = new RecordedRequest(clock.instant(), parts[0], path, query, headers,
                new String(body, StandardCharsets.UTF_8));
        // HTTP/1.0 keep-alive would need its own response header; the demo API's clients all speak 1.1.
        boolean keepAlive = version.equals("HTTP/1.1") && !connectionTokens(headers).contains("close");
        return Optional.of(new Incoming(request, keepAlive));
    }

    private static String originForm(String target) throws RequestException {
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            return slash < 0 ? "/" : target.substring(slash);
        }
        if (!target.startsWith("/")) {
            throw new RequestException(400, "request target must be a path");
        }
        return target;
    }

    private static String decodePath(String rawPath) throws RequestException {
        try {
            // A '+' in a path is a plus sign; URLDecoder would make it a space.
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RequestException(400, "malformed percent-encoding in path");
        }
    }

    private static Map<String, List<String>> decodeQuery(String rawQuery) throws RequestException {
        try {
            return QueryString.parse(rawQuery);
        } catch (IllegalArgumentException e) {
            throw new RequestException(400, "malformed percent-encoding in query");
        }
    }

    private Map<String, List<String>> readHeaders() throws IOException, RequestException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        for (String line = readLine(false); line != null && !line.isEmpty(); line = readLine(false)) {
            if (++count > MAX_HEADER_COUNT) {
                throw new RequestException(431, "too many header fields");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(colon - 1))) {
                throw new RequestException(400, "malformed header field");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, key -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        return headers;
    }

    private byte[] readBody(Map<String, List<String>> headers) throws IOException, RequestException {
        if (headers.containsKey("transfer-encoding")) {
            throw new RequestException(501, "chunked request bodies are not supported; send Content-Length");
        }
        List<String> lengths = headers.getOrDefault("content-length", List.of());
        if (lengths.isEmpty()) {
            return new byte[0];
        }
        if (new HashSet<>(lengths).size() > 1) {
            throw new RequestException(400, "conflicting Content-Length headers");
        }
        long length;
        try {
            length = Long.parseLong(lengths.get(0));
        } catch (NumberFormatException e) {
            throw new RequestException(400, "malformed Content-Length");
        }
        if (length < 0) {
            throw new RequestException(400, "malformed Content-Length");
        }
        if (length > MAX_BODY_BYTES) {
            throw new RequestException(413, "request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        List<String> expect = headers.getOrDefault("expect", List.of());
        if (length > 0 && expect.stream().anyMatch("100-continue"::equalsIgnoreCase)) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("connection closed after " + body.length + " of " + length + " body bytes");
        }
        return body;
    }

    private static Set<String> connectionTokens(Map<String, List<String>> headers) {
        Set<String> tokens = new HashSet<>();
        for (String value : headers.getOrDefault("connection", List.of())) {
            for (String token : value.split(",")) {
                tokens.add(token.strip().toLowerCase(Locale.ROOT));
            }
        }
        return tokens;
    }

    /** One line without its CRLF (a bare LF is accepted too); null at end of stream only if allowed. */
    private @Nullable String readLine(boolean endOfStreamAllowed) throws IOException, RequestException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                if (endOfStreamAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a request head");
            }
            if (line.size() == MAX_LINE_BYTES) {
                throw new RequestException(431, "request line or header field longer than " + MAX_LINE_BYTES);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}

package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.JsonTrees;
import dev.sluice.source.RecordException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A response with its whole body read. Header names are case-insensitive. The body's JSON is parsed once, on
 * first use. Immutable apart from that cache; do not mutate the returned JSON.
 */
public final class HttpResponse {

    private final HttpRequest request;
    private final int status;
    private final ResponseHeaders headers;
    private final byte[] body;
    private volatile @Nullable JsonNode json;

    public HttpResponse(HttpRequest request, int status, ResponseHeaders headers, byte[] body) {
        this.request = requireNonNull(request, "request is null");
        this.status = status;
        this.headers = requireNonNull(headers, "headers is null");
        this.body = requireNonNull(body, "body is null");
    }

    /** An empty response, standing for an error response the error handler chose to ignore. */
    public static HttpResponse empty(HttpRequest request, int status) {
        return new HttpResponse(request, status, ResponseHeaders.NONE, new byte[0]);
    }

    /** The status and headers of a response whose body is read as a stream. */
    public static HttpResponse empty(HttpRequest request, int status, ResponseHeaders headers) {
        return new HttpResponse(request, status, headers, new byte[0]);
    }

    public HttpRequest request() {
        return request;
    }

    public int status() {
        return status;
    }

    public ResponseHeaders headers() {
        return headers;
    }

    /** The raw body; do not modify. */
    public byte[] body() {
        return body;
    }

    public boolean isSuccessful() {
        return status < 400;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body as JSON. An empty body is JSON null ("no records", as the reference treats it). A non-empty
     * body that is not valid JSON is a {@code transient_error} (the reference silently reads it as no records
     * and loses the rest of the stream; see the compatibility notes): the retry loop retries it.
     */
    public JsonNode json() {
        JsonNode result = json;
        if (result == null) {
            result = parse();
            json = result;
        }
        return result;
    }

    private JsonNode parse() {
        if (body.length == 0) {
            return Json.nodes().nullNode();
        }
        try {
            return JsonTrees.readDocument(body);
        } catch (JsonProcessingException e) {
            throw new RecordException(FailureType.TRANSIENT_ERROR, "The response to " + request.describe()
                    + " is not valid JSON (" + body.length + " bytes, status " + status + "): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RecordException(FailureType.TRANSIENT_ERROR, "Cannot read the response to "
                    + request.describe(), e);
        }
    }
}

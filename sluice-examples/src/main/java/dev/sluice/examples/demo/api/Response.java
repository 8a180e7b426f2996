package dev.sluice.examples.demo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete response before it is written. {@code Content-Length} and {@code Connection} are not headers here:
 * {@link Exchange} writes them, because faults lie about the one and decide the other.
 */
record Response(int status, Map<String, String> headers, byte[] body) {

    static final String JSON_TYPE = "application/json";

    Response {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static Response json(int status, JsonNode body) {
        try {
            return new Response(status, Map.of("Content-Type", JSON_TYPE), Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API's one error shape: {@code {"error": "..."}}. */
    static Response error(int status, String message) {
        return json(status, Json.object().put("error", message));
    }

    Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }

    Response withBody(byte[] newBody) {
        return new Response(status, headers, newBody);
    }

    static String reason(int status) {
        switch (status) {
            case 100: return "Continue";
            case 200: return "OK";
            case 201: return "Created";
            case 204: return "No Content";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 413: return "Content Too Large";
            case 429: return "Too Many Requests";
            case 431: return "Request Header Fields Too Large";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            case 505: return "HTTP Version Not Supported";
            default: return "Status " + status;
        }
    }
}

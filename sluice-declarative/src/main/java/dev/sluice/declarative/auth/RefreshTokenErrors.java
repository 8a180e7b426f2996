package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.http.HttpResponse;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.util.List;

/**
 * {@code refresh_token_error_status_codes}, {@code _key} and {@code _values}: a token endpoint response with one
 * of the statuses whose JSON body has one of the values at the key means the refresh token itself was rejected —
 * a {@code config_error}, since only re-authenticating helps.
 */
record RefreshTokenErrors(List<Integer> statusCodes, String key, List<String> values) {

    static final RefreshTokenErrors NONE = new RefreshTokenErrors(List.of(), "", List.of());

    RefreshTokenErrors {
        statusCodes = List.copyOf(statusCodes);
        values = List.copyOf(values);
    }

    boolean isEmpty() {
        return statusCodes.isEmpty() && key.isEmpty() && values.isEmpty();
    }

    boolean matches(HttpResponse response) {
        if (!statusCodes.contains(response.status()) || response.body().length == 0) {
            return false;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (IOException notJson) {
            return false;
        }
        JsonNode value = body.isObject() ? body.get(key) : null;
        return value != null && value.isTextual() && values.contains(value.textValue());
    }
}

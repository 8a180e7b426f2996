package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.http.ErrorClassifier;
import dev.sluice.http.ErrorResolution;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseAction;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import java.nio.charset.StandardCharsets;

/** CustomErrorHandler: a successful response whose body says {@code "status": "pending"} is retried. */
public final class PendingIsRetried implements ErrorClassifier {

    @Override
    public ErrorResolution classify(HttpResponse response) {
        if (!response.isSuccessful()) {
            return ErrorResolution.of(ResponseAction.FAIL, FailureType.SYSTEM_ERROR, "status " + response.status());
        }
        JsonNode body;
        try {
            body = Json.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return ErrorResolution.of(ResponseAction.FAIL, FailureType.SYSTEM_ERROR, "not JSON: " + e.getMessage());
        }
        return "pending".equals(body.path("status").asText())
                ? ErrorResolution.of(ResponseAction.RETRY, FailureType.TRANSIENT_ERROR, "still pending")
                : ErrorResolution.SUCCESS;
    }

    @Override
    public boolean inspectsSuccessfulBodies() {
        return true;
    }
}

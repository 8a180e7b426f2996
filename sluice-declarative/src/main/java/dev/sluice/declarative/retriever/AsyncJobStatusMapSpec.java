package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.asyncjob.JobStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: AsyncJobStatusMap} ({@code type} may be left out) — which of the API's job statuses mean running,
 * completed, failed, timed out and (optionally) skipped: no data, nothing to download and nothing to retry. An API
 * status may appear once only; one that is not listed fails the poll.
 * <pre>{@code status_mapping: {running: [pending, running], completed: [done], failed: [error], timeout: [], skipped: [cancelled]}}</pre>
 */
@JsonTypeName("AsyncJobStatusMap")
public record AsyncJobStatusMapSpec(
        @JsonProperty(value = "running", required = true) List<String> running,
        @JsonProperty(value = "completed", required = true) List<String> completed,
        @JsonProperty(value = "failed", required = true) List<String> failed,
        @JsonProperty(value = "timeout", required = true) List<String> timeout,
        @JsonProperty("skipped") @Nullable List<String> skipped,
        @JsonProperty("type") @Nullable String type,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public AsyncJobStatusMapSpec {
        running = List.copyOf(Objects.requireNonNull(running, "running is required"));
        completed = List.copyOf(Objects.requireNonNull(completed, "completed is required"));
        failed = List.copyOf(Objects.requireNonNull(failed, "failed is required"));
        timeout = List.copyOf(Objects.requireNonNull(timeout, "timeout is required"));
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        statuses(running, completed, failed, timeout, skipped);
    }

    /** Each API status with what it means. */
    public Map<String, JobStatus> statuses() {
        return statuses(running, completed, failed, timeout, skipped);
    }

    /** Refuses an API status given twice, with the reference's message (model_to_component_factory.py). */
    private static Map<String, JobStatus> statuses(List<String> running, List<String> completed, List<String> failed,
            List<String> timeout, @Nullable List<String> skipped) {
        Map<String, JobStatus> result = new LinkedHashMap<>();
        add(result, running, JobStatus.RUNNING, "running");
        add(result, completed, JobStatus.COMPLETED, "completed");
        add(result, failed, JobStatus.FAILED, "failed");
        add(result, timeout, JobStatus.TIMED_OUT, "timeout");
        add(result, skipped == null ? List.of() : skipped, JobStatus.SKIPPED, "skipped");
        return Map.copyOf(result);
    }

    private static void add(Map<String, JobStatus> result, List<String> apiStatuses, JobStatus status, String field) {
        for (String api : apiStatuses) {
            if (result.putIfAbsent(api, status) != null) {
                throw new IllegalArgumentException("API status " + api + " is already set for CDK status " + field
                        + ". Please ensure API statuses are only provided once");
            }
        }
    }
}

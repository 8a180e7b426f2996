package dev.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A TRACE: an error, a stream status change or an estimate. Exactly one of the payload fields is set,
 * matching {@link #type()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AirbyteTrace(
        @JsonProperty("type") TraceType type,
        @JsonProperty("emitted_at") long emittedAt,
        @JsonProperty("error") @Nullable TraceError error,
        @JsonProperty("stream_status") @Nullable StreamStatusTrace streamStatus,
        @JsonProperty("estimate") @Nullable Estimate estimate) implements AirbyteMessage {

    public AirbyteTrace {
        requireNonNull(type, "type is null");
    }

    public static AirbyteTrace error(long emittedAt, TraceError error) {
        return new AirbyteTrace(TraceType.ERROR, emittedAt, error, null, null);
    }

    public static AirbyteTrace streamStatus(long emittedAt, StreamDescriptor stream, StreamStatus status) {
        return new AirbyteTrace(TraceType.STREAM_STATUS, emittedAt, null,
                new StreamStatusTrace(stream, status, null), null);
    }

    public static AirbyteTrace estimate(long emittedAt, Estimate estimate) {
        return new AirbyteTrace(TraceType.ESTIMATE, emittedAt, null, null, estimate);
    }

    @JsonIgnore
    @Override
    public Type messageType() {
        return Type.TRACE;
    }

    /** Trace kinds. */
    public enum TraceType { ERROR, ESTIMATE, STREAM_STATUS, ANALYTICS }

    /** Stream lifecycle: STARTED, RUNNING (first record), then COMPLETE or INCOMPLETE. */
    public enum StreamStatus { STARTED, RUNNING, COMPLETE, INCOMPLETE }

    /**
     * {@code {"message": "user facing", "internal_message": "...", "stack_trace": "...",
     * "failure_type": "system_error", "stream_descriptor": {...}}}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TraceError(
            @JsonProperty("message") String message,
            @JsonProperty("internal_message") @Nullable String internalMessage,
            @JsonProperty("stack_trace") @Nullable String stackTrace,
            @JsonProperty("failure_type") @Nullable FailureType failureType,
            @JsonProperty("stream_descriptor") @Nullable StreamDescriptor streamDescriptor) {

        public TraceError {
            requireNonNull(message, "message is null");
        }
    }

    /** {@code {"stream_descriptor": {...}, "status": "RUNNING", "reasons": [...]}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StreamStatusTrace(
            @JsonProperty("stream_descriptor") StreamDescriptor streamDescriptor,
            @JsonProperty("status") StreamStatus status,
            @JsonProperty("reasons") @Nullable List<StatusReason> reasons) {

        public StreamStatusTrace {
            requireNonNull(streamDescriptor, "stream_descriptor is null");
            requireNonNull(status, "status is null");
            reasons = reasons == null ? null : List.copyOf(reasons);
        }
    }

    /** {@code {"type": "RATE_LIMITED", "rate_limited": {"quota_reset": 1716422460000}}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusReason(
            @JsonProperty("type") String type,
            @JsonProperty("rate_limited") @Nullable RateLimited rateLimited) {

        public static StatusReason rateLimited(@Nullable Long quotaReset) {
            return new StatusReason("RATE_LIMITED", new RateLimited(quotaReset));
        }
    }

    /** The quota reset time in epoch milliseconds, when the API told us. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RateLimited(@JsonProperty("quota_reset") @Nullable Long quotaReset) {
    }

    /** {@code {"name": "users", "type": "STREAM", "row_estimate": 10, "byte_estimate": 1000}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Estimate(
            @JsonProperty("name") String name,
            @JsonProperty("type") String type,
            @JsonProperty("namespace") @Nullable String namespace,
            @JsonProperty("row_estimate") @Nullable Long rowEstimate,
            @JsonProperty("byte_estimate") @Nullable Long byteEstimate) {
    }
}

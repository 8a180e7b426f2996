package dev.sluice.declarative.retriever;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: PaginationReset} — restarts a slice's pagination from its first page when the error handler answers
 * {@code RESET_PAGINATION} or, with {@code limits}, after that many records. {@code SPLIT_USING_CURSOR} restarts from
 * the highest cursor value read so far (the API must return records in ascending cursor order); {@code RESET} reads
 * the same slice again, once.
 * <pre>{@code
 * pagination_reset:
 *   type: PaginationReset
 *   action: SPLIT_USING_CURSOR
 *   limits: {type: PaginationResetLimits, number_of_records: 10000}
 * }</pre>
 */
@JsonTypeName("PaginationReset")
public record PaginationResetSpec(
        @JsonProperty(value = "action", required = true) Action action,
        @JsonProperty("limits") @Nullable PaginationResetLimitsSpec limits,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public PaginationResetSpec {
        requireNonNull(action, "action is required");
    }

    /** What a reset does to the slice. */
    public enum Action {
        @JsonProperty("SPLIT_USING_CURSOR") SPLIT_USING_CURSOR,
        @JsonProperty("RESET") RESET
    }

    /** The record count that triggers a reset, or null for none. */
    @Nullable Integer recordLimit() {
        return limits == null ? null : limits.numberOfRecords();
    }
}

package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: PaginationResetLimits} — {@code number_of_records}: once a slice's pagination has produced that many
 * records since it last started, it is reset. Without it only a {@code RESET_PAGINATION} response resets.
 */
@JsonTypeName("PaginationResetLimits")
public record PaginationResetLimitsSpec(
        @JsonProperty("number_of_records") @Nullable Integer numberOfRecords,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {
}

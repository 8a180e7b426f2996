package dev.sluice.declarative.requester.properties;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: GroupByKeyMergeStrategy} — the partial records of different chunks are one record when they have
 * the same value at {@code key}: one field, or several (a compound key).
 * <pre>{@code
 * record_merge_strategy: {type: GroupByKeyMergeStrategy, key: id}
 * record_merge_strategy: {type: GroupByKeyMergeStrategy, key: [end_date, string_of_pivot_values]}
 * }</pre>
 */
@JsonTypeName("GroupByKeyMergeStrategy")
public record GroupByKeyMergeStrategySpec(
        @JsonProperty(value = "key", required = true) @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> key,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public GroupByKeyMergeStrategySpec {
        key = List.copyOf(requireNonNull(key, "key is required"));
    }

    public GroupByKey build() {
        return new GroupByKey(key);
    }
}

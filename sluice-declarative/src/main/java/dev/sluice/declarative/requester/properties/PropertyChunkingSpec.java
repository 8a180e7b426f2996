package dev.sluice.declarative.requester.properties;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: PropertyChunking} — splits the properties into chunks that fit the API's limit, one request per
 * chunk, and merges the partial records by {@code record_merge_strategy} (by {@code id} when absent). Without
 * {@code property_limit} (or with 0) there is one chunk.
 * <pre>{@code
 * property_chunking:
 *   type: PropertyChunking
 *   property_limit_type: characters     # or property_count
 *   property_limit: 15000
 *   record_merge_strategy: {type: GroupByKeyMergeStrategy, key: id}
 * }</pre>
 */
@JsonTypeName("PropertyChunking")
public record PropertyChunkingSpec(
        @JsonProperty(value = "property_limit_type", required = true) PropertyLimitType propertyLimitType,
        @JsonProperty("property_limit") @Nullable Integer propertyLimit,
        @JsonProperty("record_merge_strategy") @Nullable GroupByKeyMergeStrategySpec recordMergeStrategy,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public PropertyChunkingSpec {
        requireNonNull(propertyLimitType, "property_limit_type is required");
        if (propertyLimit != null && propertyLimit < 0) {
            throw new IllegalArgumentException("property_limit must not be negative, got " + propertyLimit);
        }
    }

    public PropertyChunking build() {
        GroupByKey key = recordMergeStrategy == null ? GroupByKey.ID : recordMergeStrategy.build();
        return new PropertyChunking(propertyLimitType, propertyLimit == null ? 0 : propertyLimit, key);
    }
}

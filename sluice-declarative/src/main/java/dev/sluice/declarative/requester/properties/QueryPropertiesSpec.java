package dev.sluice.declarative.requester.properties;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: QueryProperties} — the properties each request asks for. Declared as the one mapping value of
 * {@code HttpRequester.request_parameters} (the current chunk is sent comma-joined under that key), or as
 * {@code HttpRequester.query_properties} (templates read the chunk as
 * {@code stream_partition.extra_fields['query_properties']}).
 * <pre>{@code
 * request_parameters:
 *   fields:
 *     type: QueryProperties
 *     property_list: [impressions, clicks, costInUsd]
 *     always_include_properties: [dateRange, pivotValues]
 *     property_chunking: {type: PropertyChunking, property_limit_type: property_count, property_limit: 18}
 * }</pre>
 */
@JsonTypeName("QueryProperties")
public record QueryPropertiesSpec(
        @JsonProperty(value = "property_list", required = true) PropertyListSpec propertyList,
        @JsonProperty("always_include_properties") @Nullable List<String> alwaysIncludeProperties,
        @JsonProperty("property_chunking") @Nullable PropertyChunkingSpec propertyChunking,
        @JsonProperty("property_selector") @Nullable JsonSchemaPropertySelectorSpec propertySelector,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements ParameterComponentSpec {

    public QueryPropertiesSpec {
        requireNonNull(propertyList, "property_list is required");
        alwaysIncludeProperties = alwaysIncludeProperties == null ? List.of() : List.copyOf(alwaysIncludeProperties);
    }

    /** The deprecated {@code HttpRequester.fetch_properties_from_endpoint}: every property in one chunk. */
    public static QueryPropertiesSpec of(PropertiesFromEndpointSpec endpoint) {
        return new QueryPropertiesSpec(new PropertyListSpec.Endpoint(endpoint), null, null, null, null);
    }

    @Override
    public QueryProperties build(BuildContext context, String streamName) {
        Supplier<List<String>> properties = propertyList.build(context);
        PropertyChunking chunking = propertyChunking == null ? null : propertyChunking.build();
        JsonSchemaPropertySelector selector = propertySelector == null ? null
                : propertySelector.build(context, streamName);
        return new QueryProperties(properties, alwaysIncludeProperties, chunking, selector);
    }
}

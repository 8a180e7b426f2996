package dev.sluice.declarative.requester.properties;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: PropertiesFromEndpoint} — the property names are read from an API: every record of the
 * {@code retriever} (all its pages) gives one name, the value at {@code property_field_path} (whose segments
 * are templates over {@code config} and {@code parameters}). Read once per stream.
 * <pre>{@code
 * property_list:
 *   type: PropertiesFromEndpoint
 *   property_field_path: [name]
 *   retriever:
 *     type: SimpleRetriever
 *     requester: {type: HttpRequester, url_base: "https://api.example.com", path: /properties/contacts}
 *     record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [results]}}
 * }</pre>
 */
@JsonTypeName("PropertiesFromEndpoint")
public record PropertiesFromEndpointSpec(
        @JsonProperty(value = "property_field_path", required = true) List<String> propertyFieldPath,
        @JsonProperty(value = "retriever", required = true) PropertiesRetrieverSpec retriever,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    /** The reference builds this retriever under this name, without transformations or schema. */
    static final String RETRIEVER_NAME = "dynamic_properties";

    public PropertiesFromEndpointSpec {
        propertyFieldPath = List.copyOf(requireNonNull(propertyFieldPath, "property_field_path is required"));
        requireNonNull(retriever, "retriever is required");
    }

    public PropertiesFromEndpoint build(BuildContext context) {
        JsonNode params = BuildContext.parameters(parameters);
        List<InterpolatedString> path = propertyFieldPath.stream()
                .map(segment -> InterpolatedString.of(segment, params)).toList();
        return new PropertiesFromEndpoint(path, retriever.build(context, RETRIEVER_NAME), context.interpolation());
    }
}

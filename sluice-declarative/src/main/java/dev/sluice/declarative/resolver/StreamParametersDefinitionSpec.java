package dev.sluice.declarative.resolver;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code type: StreamParametersDefinition} — the values a {@code ParametrizedComponentsResolver} makes streams of,
 * written in the manifest: one stream per mapping of {@code list_of_parameters_for_stream}.
 * <pre>{@code
 * stream_parameters:
 *   type: StreamParametersDefinition
 *   list_of_parameters_for_stream:
 *     - {name: contacts, path: /contacts}
 *     - {name: deals, path: /deals}
 * }</pre>
 */
@JsonTypeName("StreamParametersDefinition")
public record StreamParametersDefinitionSpec(
        @JsonProperty(value = "list_of_parameters_for_stream", required = true)
        List<ObjectNode> listOfParametersForStream) {

    public StreamParametersDefinitionSpec {
        listOfParametersForStream = requireNonNull(listOfParametersForStream,
                "list_of_parameters_for_stream is required").stream().map(ObjectNode::deepCopy).toList();
    }

    @Override
    public List<ObjectNode> listOfParametersForStream() {
        return listOfParametersForStream.stream().map(ObjectNode::deepCopy).toList();
    }
}

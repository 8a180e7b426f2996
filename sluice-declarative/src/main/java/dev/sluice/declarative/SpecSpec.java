package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.ConnectorSpecification;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: Spec} — the connector's specification: the config's JSON schema and documentation link.
 * <pre>{@code
 * spec:
 *   type: Spec
 *   connection_specification:
 *     type: object
 *     required: [api_key]
 *     properties: {api_key: {type: string, airbyte_secret: true}}
 * }</pre>
 */
@JsonTypeName("Spec")
public record SpecSpec(
        @JsonProperty(value = "connection_specification", required = true) ObjectNode connectionSpecification,
        @JsonProperty("documentation_url") @Nullable String documentationUrl,
        @JsonProperty("advanced_auth") @Nullable JsonNode advancedAuth,
        @JsonProperty("config_normalization_rules") @Nullable JsonNode configNormalizationRules,
        @JsonProperty("type") @Nullable String type) {

    public SpecSpec {
        java.util.Objects.requireNonNull(connectionSpecification, "connection_specification is required");
    }

    public ConnectorSpecification toSpecification() {
        return new ConnectorSpecification(documentationUrl, null, connectionSpecification.deepCopy(), null, false,
                false, advancedAuth == null || advancedAuth.isNull() ? null : advancedAuth.deepCopy(), null);
    }
}

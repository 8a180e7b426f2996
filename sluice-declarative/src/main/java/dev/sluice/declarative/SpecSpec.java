package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.config.ConfigNormalization;
import dev.sluice.declarative.config.ConfigNormalizationRulesSpec;
import dev.sluice.declarative.manifest.ValidatedAs;
import dev.sluice.protocol.ConnectorSpecification;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: Spec} — the connector's specification: the config's JSON schema and documentation link, and the
 * rules that migrate, transform and validate a user's config ({@link ConfigNormalizationRulesSpec}).
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
        @JsonProperty("advanced_auth") @ValidatedAs(AuthFlowShape.class) @Nullable JsonNode advancedAuth,
        @JsonProperty("config_normalization_rules") @Nullable ConfigNormalizationRulesSpec configNormalizationRules,
        @JsonProperty("type") @Nullable String type) {

    public SpecSpec {
        java.util.Objects.requireNonNull(connectionSpecification, "connection_specification is required");
    }

    public ConnectorSpecification toSpecification() {
        return new ConnectorSpecification(documentationUrl, null, connectionSpecification.deepCopy(), null, false,
                false, advancedAuth == null || advancedAuth.isNull() ? null : advancedAuth.deepCopy(), null);
    }

    /** The config normalization rules, or {@link ConfigNormalization#NONE}. */
    public ConfigNormalization normalization(BuildContext context) {
        return configNormalizationRules == null ? ConfigNormalization.NONE : configNormalizationRules.build(context);
    }
}

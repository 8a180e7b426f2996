package dev.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The SPEC payload: {@code {"documentationUrl": ..., "connectionSpecification": {...JSON schema...},
 * "supportsNormalization": false, "supportsDBT": false}}. The two {@code supports*} flags are always written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectorSpecification(
        @JsonProperty("documentationUrl") @Nullable String documentationUrl,
        @JsonProperty("changelogUrl") @Nullable String changelogUrl,
        @JsonProperty("connectionSpecification") ObjectNode connectionSpecification,
        @JsonProperty("supportsIncremental") @Nullable Boolean supportsIncremental,
        @JsonProperty("supportsNormalization") boolean supportsNormalization,
        @JsonProperty("supportsDBT") boolean supportsDbt,
        @JsonProperty("advanced_auth") @Nullable JsonNode advancedAuth,
        @JsonProperty("protocol_version") @Nullable String protocolVersion) implements AirbyteMessage {

    public ConnectorSpecification {
        requireNonNull(connectionSpecification, "connectionSpecification is null");
    }

    /** A specification with just a documentation URL and the config schema. */
    public static ConnectorSpecification of(@Nullable String documentationUrl, ObjectNode connectionSpecification) {
        return new ConnectorSpecification(documentationUrl, null, connectionSpecification, null, false, false,
                null, null);
    }

    @JsonIgnore
    @Override
    public Type messageType() {
        return Type.SPEC;
    }
}

package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;

/** What the manifest's {@code check} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(CheckStreamSpec.class), @JsonSubTypes.Type(CheckDynamicStreamSpec.class)})
public sealed interface CheckSpec permits CheckStreamSpec, CheckDynamicStreamSpec {

    ConnectionCheck build(BuildContext context);

    /** {@code config_overrides}: config values laid over the config for the check only (empty when none). */
    ObjectNode configOverrides();
}

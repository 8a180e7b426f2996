package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What the manifest's {@code check} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(CheckStreamSpec.class)})
public sealed interface CheckSpec permits CheckStreamSpec {

    ConnectionCheck build(BuildContext context);
}

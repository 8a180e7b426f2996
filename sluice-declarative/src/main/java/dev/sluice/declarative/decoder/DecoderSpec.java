package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What a {@code decoder} field admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(JsonDecoderSpec.class),
        @JsonSubTypes.Type(JsonlDecoderSpec.class)})
public sealed interface DecoderSpec permits JsonDecoderSpec, JsonlDecoderSpec {

    Decoder build(BuildContext context);
}

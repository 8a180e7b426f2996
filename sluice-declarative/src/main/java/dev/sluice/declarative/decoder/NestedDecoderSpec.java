package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What the {@code decoder} of {@code GzipDecoder} and {@code ZipfileDecoder} admits: decoders of plain bytes. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(CsvDecoderSpec.class),
        @JsonSubTypes.Type(GzipDecoderSpec.class),
        @JsonSubTypes.Type(JsonDecoderSpec.class),
        @JsonSubTypes.Type(JsonItemsDecoderSpec.class),
        @JsonSubTypes.Type(JsonlDecoderSpec.class)})
public sealed interface NestedDecoderSpec permits CsvDecoderSpec, GzipDecoderSpec, JsonDecoderSpec,
        JsonItemsDecoderSpec, JsonlDecoderSpec {

    BodyParser parser(BuildContext context);
}

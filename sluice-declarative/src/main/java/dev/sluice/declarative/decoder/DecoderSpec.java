package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What a {@code decoder} field ({@code SimpleRetriever.decoder}) admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(JsonDecoderSpec.class),
        @JsonSubTypes.Type(JsonlDecoderSpec.class),
        @JsonSubTypes.Type(JsonItemsDecoderSpec.class),
        @JsonSubTypes.Type(CsvDecoderSpec.class),
        @JsonSubTypes.Type(GzipDecoderSpec.class),
        @JsonSubTypes.Type(ZipfileDecoderSpec.class),
        @JsonSubTypes.Type(XmlDecoderSpec.class),
        @JsonSubTypes.Type(IterableDecoderSpec.class),
        @JsonSubTypes.Type(CustomDecoderSpec.class)})
public sealed interface DecoderSpec permits JsonDecoderSpec, JsonlDecoderSpec, JsonItemsDecoderSpec, CsvDecoderSpec,
        GzipDecoderSpec, ZipfileDecoderSpec, XmlDecoderSpec, IterableDecoderSpec, CustomDecoderSpec {

    Decoder build(BuildContext context);
}

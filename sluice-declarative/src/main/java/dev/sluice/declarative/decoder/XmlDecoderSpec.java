package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: XmlDecoder} — an XML body as {@code xmltodict} reads it: the root element is the only key, an
 * attribute {@code a} is {@code "@a"}, text is a string (or {@code "#text"} beside attributes or children), an
 * empty element is null, and repeated child elements become a list. Prefixed names are kept as written
 * ({@code ns:id}). DTDs may not declare entities and nothing external is ever loaded.
 * <pre>{@code decoder: {type: XmlDecoder}}</pre>
 */
@JsonTypeName("XmlDecoder")
public record XmlDecoderSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters) implements DecoderSpec {

    @Override
    public Decoder build(BuildContext context) {
        return response -> XmlToJson.parse(response.body(), Undecodable.source(response));
    }
}

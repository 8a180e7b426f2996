package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.custom.CustomComponents;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomDecoder} — turns each response body into JSON documents. Its class, named by {@code class_name} and loaded from the source's class
 * loader, implements {@link Decoder}; the component's other fields and {@code $parameters} reach it through
 * its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code decoder: {type: CustomDecoder, class_name: com.example.FixedWidthDecoder, widths: [4, 10]}}</pre>
 */
@JsonTypeName("CustomDecoder")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomDecoderSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements DecoderSpec {

    public CustomDecoderSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public Decoder build(BuildContext context) {
        return CustomComponents.create(Decoder.class, "CustomDecoder", this, className, fields, parameters, context);
    }
}

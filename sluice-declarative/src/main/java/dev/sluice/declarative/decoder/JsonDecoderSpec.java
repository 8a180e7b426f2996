package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: JsonDecoder} — the body is one JSON document (the default everywhere).
 * <pre>{@code decoder: {type: JsonDecoder}}</pre>
 */
@JsonTypeName("JsonDecoder")
public record JsonDecoderSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters) implements DecoderSpec {

    /** The decoder every component uses when none is given. */
    public static final Decoder DEFAULT = response -> {
        JsonNode body = response.json();
        return body.isNull() || body.isMissingNode() ? List.of() : List.of(body);
    };

    @Override
    public Decoder build(BuildContext context) {
        return DEFAULT;
    }
}

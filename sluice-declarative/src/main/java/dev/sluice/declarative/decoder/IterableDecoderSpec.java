package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: IterableDecoder} — each line of a text body is one document {@code {"record": "<line>"}}
 * (lines end with {@code \n}, {@code \r\n} or {@code \r}; empty lines between others count).
 * <pre>{@code decoder: {type: IterableDecoder}}</pre>
 */
@JsonTypeName("IterableDecoder")
public record IterableDecoderSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters)
        implements DecoderSpec {

    @Override
    public Decoder build(BuildContext context) {
        return response -> lines(response.bodyText());
    }

    static List<JsonNode> lines(String text) {
        List<JsonNode> documents = new ArrayList<>();
        // Python's bytes.splitlines(): no empty last line after a trailing line break.
        String[] lines = text.split("\r\n|\r|\n", -1);
        int count = text.isEmpty() ? 0 : lines.length - (lines[lines.length - 1].isEmpty() ? 1 : 0);
        for (int i = 0; i < count; i++) {
            documents.add(Json.object().put("record", lines[i]));
        }
        return documents;
    }
}

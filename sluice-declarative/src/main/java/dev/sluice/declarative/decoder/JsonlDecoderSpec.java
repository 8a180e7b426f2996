package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: JsonlDecoder} — one JSON document per line; blank lines are skipped. A line that is not JSON is an
 * error (the reference logs it and skips the line, losing its record).
 * <pre>{@code decoder: {type: JsonlDecoder}}</pre>
 */
@JsonTypeName("JsonlDecoder")
public record JsonlDecoderSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters)
        implements DecoderSpec, NestedDecoderSpec {

    private static final BodyParser PARSER = (body, source) -> {
        List<JsonNode> documents = new ArrayList<>();
        int lineNumber = 0;
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                documents.add(Json.parse(line));
            } catch (JsonProcessingException e) {
                throw Undecodable.error(source, "line " + lineNumber + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        return documents;
    };

    @Override
    public Decoder build(BuildContext context) {
        return Undecodable.of(PARSER);
    }

    @Override
    public BodyParser parser(BuildContext context) {
        return PARSER;
    }
}

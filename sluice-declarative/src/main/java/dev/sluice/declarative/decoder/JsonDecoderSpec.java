package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.JsonTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: JsonDecoder} — the body is one JSON document (the default everywhere); a top-level array is a
 * list of documents, each extracted on its own (so a paginator's {@code response} is its first element).
 * <pre>{@code decoder: {type: JsonDecoder}}</pre>
 */
@JsonTypeName("JsonDecoder")
public record JsonDecoderSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters)
        implements DecoderSpec, NestedDecoderSpec {

    /** The decoder every component uses when none is given. */
    public static final Decoder DEFAULT = response -> documents(response.json());

    /** Bytes inside a gzip or zip file: as the body, except that an empty file is no document. */
    private static final BodyParser PARSER = (body, source) -> {
        if (body.length == 0) {
            return List.of();
        }
        try {
            return documents(JsonTrees.readDocument(body));
        } catch (IOException e) {
            throw Undecodable.error(source, "not valid JSON (" + e.getMessage() + ")", e);
        }
    };

    @Override
    public Decoder build(BuildContext context) {
        return DEFAULT;
    }

    @Override
    public BodyParser parser(BuildContext context) {
        return PARSER;
    }

    private static List<JsonNode> documents(JsonNode body) {
        if (body.isNull() || body.isMissingNode()) {
            return List.of();
        }
        if (!body.isArray()) {
            return List.of(body);
        }
        List<JsonNode> elements = new ArrayList<>(body.size());
        body.forEach(elements::add);
        return elements;
    }
}

package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.JsonTrees;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: JsonItemsDecoder} — the elements of the array at {@code items_path} (ijson's dotted prefix:
 * {@code data.users}; {@code item} stands for "each element" of an array on the way), read one at a time
 * without building the whole document.
 * <pre>{@code decoder: {type: JsonItemsDecoder, items_path: "data.users"}}</pre>
 */
@JsonTypeName("JsonItemsDecoder")
public record JsonItemsDecoderSpec(
        @JsonProperty(value = "items_path", required = true) String itemsPath,
        @JsonProperty("encoding") @Nullable String encoding,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements DecoderSpec, NestedDecoderSpec {

    public JsonItemsDecoderSpec {
        if (itemsPath == null || itemsPath.isEmpty()) {
            throw new IllegalArgumentException("items_path must not be empty");
        }
        if (encoding != null) {
            Charsets.forName(encoding);
        }
    }

    @Override
    public Decoder build(BuildContext context) {
        return Undecodable.of(parser(context));
    }

    @Override
    public BodyParser parser(BuildContext context) {
        List<String> target = new ArrayList<>(Arrays.asList(itemsPath.split("\\.", -1)));
        target.add("item");
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charsets.forName(encoding);
        return (body, source) -> {
            List<JsonNode> items = new ArrayList<>();
            if (body.length == 0) {
                return items;
            }
            try (JsonParser parser = charset.equals(StandardCharsets.UTF_8) ? Json.MAPPER.createParser(body)
                    : Json.MAPPER.createParser(Charsets.decode(body, charset, encoding, source))) {
                if (parser.nextToken() != null) {
                    walk(parser, new ArrayList<>(), target, items);
                }
            } catch (IOException e) {
                throw Undecodable.error(source, "not valid JSON (" + e.getMessage() + ")", e);
            }
            return items;
        };
    }

    /** At the first token of a value whose ijson prefix is {@code path}: collect or descend, else skip it. */
    private static void walk(JsonParser parser, List<String> path, List<String> target, List<JsonNode> items)
            throws IOException {
        if (path.equals(target)) {
            items.add(JsonTrees.read(parser));
            return;
        }
        JsonToken token = parser.currentToken();
        boolean onTheWay = path.size() < target.size() && target.subList(0, path.size()).equals(path);
        if (!onTheWay || !(token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            parser.skipChildren();
            return;
        }
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                path.add(parser.currentName());
                parser.nextToken();
                walk(parser, path, target, items);
                path.remove(path.size() - 1);
            }
        } else {
            path.add("item");
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                walk(parser, path, target, items);
            }
            path.remove(path.size() - 1);
        }
    }
}

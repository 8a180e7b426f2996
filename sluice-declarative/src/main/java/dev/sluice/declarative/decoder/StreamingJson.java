package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.JsonTrees;
import dev.sluice.source.RecordException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Extracts the records at a plain key path ({@code ["data"]}, {@code ["result", "items"]}) from a JSON body while
 * it streams in, so a page of any size needs memory for one record at a time, not for the whole page. Everything
 * else in the body is kept: the result is the document with the records' place holding an empty list, which is
 * what pagination templates read ({@code response.next_page}). A top-level list of documents is read one document
 * at a time. The records are the ones {@code JsonDecoder} + {@code DpathExtractor} would give: the objects of a
 * list at the path, or the object at the path when it is one and not empty; any other element, or a true scalar at
 * the path, fails as not a record.
 */
public final class StreamingJson {

    private final List<String> path;

    public StreamingJson(List<String> path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("streaming needs a field path");
        }
        this.path = List.copyOf(path);
    }

    /**
     * Reads the body; returns the first document with its records taken out (an empty object for an empty body).
     *
     * @throws IOException when the body is not valid JSON or breaks off
     */
    public JsonNode extract(InputStream body, Consumer<ObjectNode> records) throws IOException {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Json.object();
            }
            if (first == JsonToken.START_ARRAY) {
                JsonNode firstDocument = null;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode document = JsonTrees.read(parser);
                    emit(descend(document), records);
                    if (firstDocument == null) {
                        firstDocument = document;
                    }
                }
                return firstDocument == null ? Json.object() : firstDocument;
            }
            if (first != JsonToken.START_OBJECT) {
                return JsonTrees.read(parser);
            }
            return object(parser, 0, records);
        }
    }

    /** The object the parser is at (just after its START_OBJECT), with the records at the path streamed out. */
    private ObjectNode object(JsonParser parser, int depth, Consumer<ObjectNode> records) throws IOException {
        ObjectNode skeleton = Json.object();
        String key = path.get(depth);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!name.equals(key)) {
                skeleton.set(name, JsonTrees.read(parser));
            } else if (depth < path.size() - 1) {
                skeleton.set(name, value == JsonToken.START_OBJECT ? object(parser, depth + 1, records)
                        : JsonTrees.read(parser));
            } else if (value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode element = JsonTrees.read(parser);
                    if (!element.isObject()) {
                        throw notARecord(path, element);
                    }
                    records.accept((ObjectNode) element);
                }
                skeleton.set(name, Json.nodes().arrayNode());
            } else {
                JsonNode target = JsonTrees.read(parser);
                emit(target, records);
                skeleton.set(name, target.isObject() ? Json.object() : target);
            }
        }
        return skeleton;
    }

    private JsonNode descend(JsonNode document) {
        JsonNode node = document;
        for (String key : path) {
            node = node.isObject() ? node.get(key) : null;
            if (node == null) {
                return Json.nodes().missingNode();
            }
        }
        return node;
    }

    private void emit(JsonNode value, Consumer<ObjectNode> records) {
        if (value.isArray()) {
            for (JsonNode element : (ArrayNode) value) {
                if (!element.isObject()) {
                    throw notARecord(path, element);
                }
                records.accept((ObjectNode) element);
            }
        } else if (value.isObject() && !value.isEmpty()) {
            records.accept((ObjectNode) value);
        } else if (isTrueScalar(value)) {
            throw notARecord(path, value);
        }
    }

    private static boolean isTrueScalar(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.decimalValue().signum() != 0;
        }
        return value.isTextual() && !value.textValue().isEmpty();
    }

    /**
     * The error for a value found where a record was expected, naming the extractor's field path. The reference
     * passes such a value on as a record and then fails the stream writing it (sources/utils/record_helper.py,
     * {@code stream_data_to_airbyte_message}: "Unexpected type for data_or_message").
     */
    public static RecordException notARecord(List<String> path, JsonNode value) {
        String text = value.toString();
        String type = value.isArray() ? "list" : value.getNodeType().name().toLowerCase(Locale.ROOT);
        return new RecordException("DpathExtractor field_path " + path + " found "
                + (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type
                + " where a record (an object) was expected: "
                + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
    }
}

package dev.sluice.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Builds the tree of one JSON value from a parser, as {@code ObjectMapper.readTree} would (same node types, later
 * duplicate keys win), without setting up a deserialization context per value — the cost that dominated reading
 * records one by one from a streamed page. Limits (nesting depth, number and string length) are the parser's.
 */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = Json.nodes();

    private JsonTrees() {
    }

    /** The value whose first token the parser is at; the parser is left at its last token. */
    public static JsonNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("no JSON value to read");
        }
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            default -> scalar(parser, token);
        };
    }

    /**
     * A whole document, as {@code ObjectMapper.readTree} reads it (an empty document is a missing node), with the
     * number handling of {@link #read}.
     */
    public static JsonNode readDocument(byte[] document) throws IOException {
        try (JsonParser parser = Json.MAPPER.createParser(document)) {
            return parser.nextToken() == null ? MissingNode.getInstance() : read(parser);
        }
    }

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode node = NODES.objectNode();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            node.set(name, value == JsonToken.START_OBJECT ? object(parser)
                    : value == JsonToken.START_ARRAY ? array(parser) : scalar(parser, value));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("unexpected " + parser.currentToken() + " in an object");
        }
        return node;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode node = NODES.arrayNode();
        JsonToken value;
        while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (value == null) {
                throw new IOException("the input ended inside an array");
            }
            node.add(value == JsonToken.START_OBJECT ? object(parser)
                    : value == JsonToken.START_ARRAY ? array(parser) : scalar(parser, value));
        }
        return node;
    }

    /**
     * A double, unless the value is beyond a double's range: {@code 1e400} would become Infinity and be written as
     * the string "Infinity"; it is kept exactly as a decimal instead.
     */
    private static JsonNode floating(JsonParser parser) throws IOException {
        double value = parser.getDoubleValue();
        return Double.isInfinite(value) ? NODES.numberNode(parser.getDecimalValue()) : NODES.numberNode(value);
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> floating(parser);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(parser.getEmbeddedObject());
            default -> throw new IOException("unexpected " + token + " where a JSON value was expected");
        };
    }
}

package dev.sluice.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Compact JSON text of a tree into a reused buffer. The loader writes two or three JSON values per record;
 * Jackson's {@code writeValueAsString} builds a generator and a writer for each, which cost more than the
 * writing itself. Same output as Jackson's for the node types records contain.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder buffer = new StringBuilder(256);

    String write(JsonNode node) {
        buffer.setLength(0);
        append(node);
        return buffer.toString();
    }

    private void append(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                buffer.append('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!first) {
                        buffer.append(',');
                    }
                    first = false;
                    string(field.getKey());
                    buffer.append(':');
                    append(field.getValue());
                }
                buffer.append('}');
            }
            case ARRAY -> {
                buffer.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        buffer.append(',');
                    }
                    append(node.get(i));
                }
                buffer.append(']');
            }
            case STRING -> string(node.textValue());
            case NUMBER, BOOLEAN -> buffer.append(node.asText());
            case BINARY, POJO -> buffer.append(dev.sluice.protocol.Json.write(node));
            case NULL, MISSING -> buffer.append("null");
        }
    }

    private void string(String text) {
        buffer.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> buffer.append("\\\"");
                case '\\' -> buffer.append("\\\\");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                case '\t' -> buffer.append("\\t");
                case '\b' -> buffer.append("\\b");
                case '\f' -> buffer.append("\\f");
                default -> {
                    if (c < 0x20) {
                        buffer.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        buffer.append(c);
                    }
                }
            }
        }
        buffer.append('"');
    }
}

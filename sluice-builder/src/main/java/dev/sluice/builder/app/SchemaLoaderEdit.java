package dev.sluice.builder.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestPipeline;
import java.io.StringReader;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Puts a schema into one stream's {@code schema_loader} as an {@code InlineSchemaLoader} by editing the manifest's
 * text where that key is (or adding it at the end of the stream's mapping), so every comment, anchor and blank line
 * elsewhere stays as the author wrote it. The positions come from the YAML nodes SnakeYAML composes.
 *
 * @param start       where the replaced text starts (a character offset of the original text)
 * @param end         where it ends (exclusive)
 * @param replacement the text put there
 */
record SchemaLoaderEdit(int start, int end, String replacement) {

    private static final ObjectMapper JSON = new ObjectMapper();

    SchemaLoaderEdit {
        Objects.requireNonNull(replacement, "replacement is null");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }

    /** The edited text. */
    String applyTo(String text) {
        return text.substring(0, start) + replacement + text.substring(end);
    }

    /** The edit that gives the stream named {@code stream} the inline schema {@code schema}. */
    static SchemaLoaderEdit of(String text, String stream, JsonNode schema) {
        int index = streamIndex(text, stream);
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        Node streams = root instanceof MappingNode mapping ? value(mapping, "streams") : null;
        if (!(streams instanceof SequenceNode list) || list.getValue().size() <= index) {
            throw new ManifestException("streams", 0, "the top-level streams list is not in this file's text "
                    + "(it comes from a reference); add the schema_loader by hand");
        }
        Node item = list.getValue().get(index);
        String path = "streams[" + index + "]";
        if (!(item instanceof MappingNode mapping) || mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new ManifestException(path, line(item), "the stream is not written as a block mapping here; "
                    + "add the schema_loader by hand");
        }
        Positions positions = new Positions(text);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        int column = mapping.getValue().get(0).getKeyNode().getStartMark().getColumn();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("schema_loader")) {
                Node loader = tuple.getValueNode();
                if (loader.getAnchor() != null && !positions.isAlias(key, loader)) {
                    throw new ManifestException(path + ".schema_loader", line(key), "the schema_loader is anchored (&"
                            + loader.getAnchor() + ") and may be shared; replace it by hand");
                }
                int from = positions.offset(key.getStartMark().getIndex());
                int to = positions.valueEnd(key, loader);
                return new SchemaLoaderEdit(from, to, block(schema, column, newline));
            }
        }
        NodeTuple last = mapping.getValue().get(mapping.getValue().size() - 1);
        int lineEnd = positions.lineEnd(positions.valueEnd(last.getKeyNode(), last.getValueNode()));
        String before = lineEnd == text.length() && !text.endsWith("\n") ? newline : "";
        int after = lineEnd == text.length() ? lineEnd : lineEnd + (text.startsWith("\r\n", lineEnd) ? 2 : 1);
        return new SchemaLoaderEdit(after, after, before + " ".repeat(column) + block(schema, column, newline)
                + newline);
    }

    private static int streamIndex(String text, String stream) {
        JsonNode streams = ManifestPipeline.fromYaml(text).manifest().path("streams");
        for (int index = 0; index < streams.size(); index++) {
            if (stream.equals(streams.get(index).path("name").asText(null))) {
                return index;
            }
        }
        throw new ManifestException("streams", 0, "no stream named '" + stream + "' in the manifest");
    }

    /** {@code schema_loader:} and the loader below it, indented under {@code column}; no final newline. */
    private static String block(JsonNode schema, int column, String newline) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        java.util.Map<String, Object> loader = new java.util.LinkedHashMap<>();
        loader.put("type", "InlineSchemaLoader");
        loader.put("schema", JSON.convertValue(schema, Object.class));
        String dumped = new Yaml(options).dump(loader);
        StringBuilder out = new StringBuilder("schema_loader:");
        String indent = " ".repeat(column + 2);
        for (String line : List.of(dumped.split("\n"))) {
            out.append(newline).append(indent).append(line);
        }
        return out.toString();
    }

    private static @Nullable Node value(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** Character offsets of the text from SnakeYAML's marks, which count code points. */
    private record Positions(String text) {

        int offset(int codePointIndex) {
            return text.offsetByCodePoints(0, codePointIndex);
        }

        /** A value that starts before its key is an alias to an anchor written earlier. */
        boolean isAlias(Node key, Node value) {
            return value.getStartMark().getIndex() < key.getEndMark().getIndex();
        }

        /** Where the text of {@code key}'s value ends, trailing blanks and comments excluded. */
        int valueEnd(Node key, Node value) {
            if (isAlias(key, value)) {
                return aliasEnd(offset(key.getEndMark().getIndex()), value);
            }
            return contentEnd(value);
        }

        /** The end of the first {@code *anchor} naming {@code value} after {@code from}. */
        private int aliasEnd(int from, Node value) {
            String alias = "*" + value.getAnchor();
            int found = text.indexOf(alias, from);
            if (found < 0) {
                throw new ManifestException("", line(value), "cannot find the alias " + alias + " in the text");
            }
            return found + alias.length();
        }

        private int contentEnd(Node node) {
            if (node instanceof MappingNode mapping && mapping.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                    && !mapping.getValue().isEmpty()) {
                NodeTuple last = mapping.getValue().get(mapping.getValue().size() - 1);
                return valueEnd(last.getKeyNode(), last.getValueNode());
            }
            if (node instanceof SequenceNode sequence && sequence.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                    && !sequence.getValue().isEmpty()) {
                List<Node> items = sequence.getValue();
                Node last = items.get(items.size() - 1);
                if (last.getStartMark().getIndex() < sequence.getStartMark().getIndex()) {
                    int from = items.size() > 1 ? contentEnd(items.get(items.size() - 2))
                            : offset(sequence.getStartMark().getIndex());
                    return aliasEnd(from, last);
                }
                return contentEnd(last);
            }
            // Block scalars end after their trailing line breaks; the content ends at the last visible character.
            int end = offset(node.getEndMark().getIndex());
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return end;
        }

        int lineEnd(int offset) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                return text.length();
            }
            return newline > 0 && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
        }
    }
}

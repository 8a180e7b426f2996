package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.transform.DpathGlob;
import java.util.List;
import java.util.function.Consumer;

/**
 * The values at a {@code DpathExtractor}'s path, of any kind: the reference's {@code DpathExtractor} yields a
 * string or a number as it yields a record, which is how an async job's status and download URLs are read. A list
 * yields its elements; an empty value (empty text, empty container, null) yields nothing.
 */
final class DpathValues implements ValueExtractor {

    private final List<String> path;
    private final DpathGlob glob;

    DpathValues(List<String> path) {
        this.path = List.copyOf(path);
        this.glob = DpathGlob.of(path);
    }

    @Override
    public void values(JsonNode document, Consumer<JsonNode> values) {
        if (path.isEmpty()) {
            emit(document, values);
            return;
        }
        for (DpathGlob.Match match : glob.search(document)) {
            emit(match.value(), values);
        }
    }

    private static void emit(JsonNode node, Consumer<JsonNode> values) {
        if (node.isArray()) {
            node.forEach(values);
        } else if (!isEmpty(node)) {
            values.accept(node);
        }
    }

    private static boolean isEmpty(JsonNode node) {
        return node.isNull() || node.isMissingNode() || (node.isTextual() && node.textValue().isEmpty())
                || (node.isContainerNode() && node.isEmpty());
    }
}

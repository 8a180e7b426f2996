package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Walks a fixed path into each document; see {@link DpathExtractorSpec}. */
public final class DpathExtractor implements RecordExtractor {

    private static final Logger log = LoggerFactory.getLogger(DpathExtractor.class);

    private final List<String> path;
    private final boolean glob;

    public DpathExtractor(List<String> path) {
        this.path = List.copyOf(path);
        this.glob = path.contains("*");
    }

    public List<String> path() {
        return path;
    }

    @Override
    public void extract(JsonNode document, Consumer<ObjectNode> records) {
        if (document.isArray()) {
            // A top-level array is a list of bodies, each extracted on its own.
            for (JsonNode body : document) {
                extractOne(body, records);
            }
        } else {
            extractOne(document, records);
        }
    }

    private void extractOne(JsonNode body, Consumer<ObjectNode> records) {
        if (!glob) {
            JsonNode node = body;
            for (String key : path) {
                node = step(node, key);
                if (node == null) {
                    return;
                }
            }
            emit(node, records);
            return;
        }
        List<JsonNode> matches = new ArrayList<>();
        collect(body, 0, matches);
        for (JsonNode match : matches) {
            emit(match, records);
        }
    }

    private static JsonNode step(JsonNode node, String key) {
        if (node.isObject()) {
            return node.get(key);
        }
        if (node.isArray() && isIndex(key)) {
            return node.get(Integer.parseInt(key));
        }
        return null;
    }

    private void collect(JsonNode node, int depth, List<JsonNode> out) {
        if (depth == path.size()) {
            out.add(node);
            return;
        }
        String key = path.get(depth);
        if (key.equals("*")) {
            if (node.isObject() || node.isArray()) {
                Iterator<JsonNode> children = node.elements();
                while (children.hasNext()) {
                    collect(children.next(), depth + 1, out);
                }
            }
            return;
        }
        JsonNode child = step(node, key);
        if (child != null) {
            collect(child, depth + 1, out);
        }
    }

    private static void emit(JsonNode node, Consumer<ObjectNode> records) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                emitRecord(element, records);
            }
        } else if (node.isObject()) {
            if (!node.isEmpty()) {
                records.accept((ObjectNode) node);
            }
        } else if (!node.isNull()) {
            log.warn("Skipping a {} where a record (an object) was expected", node.getNodeType());
        }
    }

    private static void emitRecord(JsonNode element, Consumer<ObjectNode> records) {
        if (element.isObject()) {
            records.accept((ObjectNode) element);
        } else if (!element.isNull()) {
            log.warn("Skipping a {} where a record (an object) was expected", element.getNodeType());
        }
    }

    private static boolean isIndex(String key) {
        if (key.isEmpty() || key.length() > 9) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.io.UncheckedIOException;

/** Test fixtures as text: JSON for expected trees (exact dicts ported from the reference), YAML for input. */
final class Trees {

    private Trees() {
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }

    static JsonNode yaml(String text) {
        return ManifestLoader.fromYaml(text).root();
    }

    /** Key order matters to the reference (it is the order components are built in), so compare it too. */
    static String ordered(JsonNode node) {
        return Json.write(node);
    }
}

package dev.sluice.declarative.manifest;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The upstream schema (../shared/reference/declarative_component_schema.yaml) read as test data: its component types
 * with their properties, and which properties refer to which definitions. Missing: the test is skipped, or fails
 * under {@code CI=true}.
 */
final class UpstreamSchema {

    static final Path FILE = Path.of("../../shared/reference/declarative_component_schema.yaml");
    static final String ROOT = "DeclarativeSource";

    /** A definition of the schema: a component (it has a {@code type} enum) or a plain structure. */
    record Definition(String name, boolean component, Map<String, JsonNode> properties) {
    }

    /** A property of a definition that refers to another definition. */
    record Holder(String definition, String property) {
        @Override
        public String toString() {
            return definition + "." + property;
        }
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    /** Components defined inline in a property (FileUploader in DeclarativeStream.file_uploader), by name. */
    private final Map<String, Holder> inline = new LinkedHashMap<>();

    private UpstreamSchema(JsonNode root) {
        definitions.put(ROOT, new Definition(ROOT, true, properties(root)));
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("definitions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode typeEnum = entry.getValue().path("properties").path("type").path("enum");
            String name = typeEnum.isArray() && typeEnum.size() == 1 ? typeEnum.get(0).asText() : entry.getKey();
            definitions.put(entry.getKey(), new Definition(name, typeEnum.isArray(), properties(entry.getValue())));
        }
        for (Map.Entry<String, Definition> entry : new ArrayList<>(definitions.entrySet())) {
            entry.getValue().properties().forEach((property, schema) -> {
                JsonNode typeEnum = schema.path("properties").path("type").path("enum");
                if (typeEnum.isArray() && typeEnum.size() == 1) {
                    String name = typeEnum.get(0).asText();
                    definitions.putIfAbsent(name, new Definition(name, true, properties(schema)));
                    inline.put(name, new Holder(entry.getKey(), property));
                }
            });
        }
    }

    static UpstreamSchema load() {
        if (!Files.isRegularFile(FILE)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the upstream schema is missing at " + FILE.toAbsolutePath());
            }
            assumeTrue(false, "upstream schema not present");
        }
        try {
            return new UpstreamSchema(ManifestLoader.fromYaml(Files.readString(FILE)).root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The component definitions by their {@code type} name (the top level as {@code DeclarativeSource}). */
    Map<String, Definition> components() {
        Map<String, Definition> components = new LinkedHashMap<>();
        definitions.values().stream().filter(Definition::component).forEach(d -> components.put(d.name(), d));
        return components;
    }

    /** The definition of a {@code #/definitions/Key} reference, by its key. */
    Definition definition(String key) {
        return definitions.get(key);
    }

    /** Every property (of a component or a plain definition) referring to the definition {@code key}. */
    List<Holder> holdersOf(String key) {
        List<Holder> holders = new ArrayList<>();
        if (inline.containsKey(key)) {
            holders.add(inline.get(key));
        }
        definitions.forEach((holderKey, definition) -> definition.properties().forEach((property, schema) -> {
            if (references(schema).contains(key)) {
                holders.add(new Holder(holderKey, property));
            }
        }));
        return holders;
    }

    /** The keys of the definitions a property's schema refers to, at any depth (anyOf, items, ...). */
    static Set<String> references(JsonNode schema) {
        Set<String> found = new LinkedHashSet<>();
        collect(schema, found);
        return found;
    }

    private static void collect(JsonNode node, Set<String> found) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#/definitions/")) {
            found.add(ref.asText().substring("#/definitions/".length()));
        }
        node.forEach(child -> collect(child, found));
    }

    private static Map<String, JsonNode> properties(JsonNode definition) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        definition.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        return properties;
    }
}

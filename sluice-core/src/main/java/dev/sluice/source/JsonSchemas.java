package dev.sluice.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.memo.BoundedMemo;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Loads static stream schemas from the classpath, the reference's way: {@code schemas/<name>.json}, with each
 * {@code $ref} naming a file in {@code schemas/shared/} (optionally with a {@code #/definitions/x} fragment)
 * or a local {@code #/...} pointer replaced by the referenced content. The result contains no {@code $ref}.
 *
 * <p>The file is looked up next to the stream's class first ({@code dev/acme/schemas/x.json}), then at the
 * classpath root ({@code schemas/x.json}).
 */
public final class JsonSchemas {

    private static final int CACHE_LIMIT = 4096;
    private static final BoundedMemo<SchemaFile, ObjectNode> RESOLVED = BoundedMemo.of(CACHE_LIMIT,
            file -> resolve(file.loader(), file.base(), file.name()));

    /** A schema file as one class loader sees it (loaders compare by identity). */
    private record SchemaFile(ClassLoader loader, String base, String name) {
    }

    private JsonSchemas() {
    }

    /** The schema of stream {@code name} for a stream class; a fresh copy on each call. */
    public static ObjectNode load(Class<?> owner, String name) {
        String packagePath = owner.getPackageName().replace('.', '/');
        String local = (packagePath.isEmpty() ? "" : packagePath + "/") + "schemas/";
        String base = owner.getClassLoader().getResource(local + name + ".json") != null ? local : "schemas/";
        ObjectNode schema = RESOLVED.get(new SchemaFile(owner.getClassLoader(), base, name));
        return schema.deepCopy();
    }

    private static ObjectNode resolve(ClassLoader loader, String base, String name) {
        String file = base + name + ".json";
        JsonNode root = readResource(loader, file, "schemas/" + name + ".json");
        if (!root.isObject()) {
            throw schemaError("Invalid JSON file format for file schemas/" + name + ".json: not an object");
        }
        Resolver resolver = new Resolver(loader, base + "shared/");
        JsonNode resolved = resolver.inline(root, root, file);
        return (ObjectNode) resolved;
    }

    private static JsonNode readResource(ClassLoader loader, String resource, String shownName) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw schemaError("Cannot find file " + shownName);
            }
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                throw schemaError("Cannot find file " + shownName + " (it is empty)");
            }
            return Json.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR,
                    "Invalid JSON file format for file " + shownName, e);
        } catch (IOException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot read file " + shownName, e);
        }
    }

    private static ConnectorException schemaError(String message) {
        return new ConnectorException(FailureType.SYSTEM_ERROR, message);
    }

    /** Inlines references depth-first, remembering the chain to refuse cycles. */
    private static final class Resolver {
        private final ClassLoader loader;
        private final String sharedBase;
        private final Deque<String> chain = new ArrayDeque<>();

        Resolver(ClassLoader loader, String sharedBase) {
            this.loader = loader;
            this.sharedBase = sharedBase;
        }

        JsonNode inline(JsonNode node, JsonNode document, String documentName) {
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                if (ref != null && ref.isTextual()) {
                    return follow(ref.asText(), document, documentName);
                }
                ObjectNode copy = Json.object();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    copy.set(field.getKey(), inline(field.getValue(), document, documentName));
                }
                return copy;
            }
            if (node.isArray()) {
                ArrayNode copy = Json.nodes().arrayNode();
                node.forEach(element -> copy.add(inline(element, document, documentName)));
                return copy;
            }
            return node;
        }

        private JsonNode follow(String ref, JsonNode document, String documentName) {
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode targetDocument = document;
            String targetName = documentName;
            if (!file.isEmpty()) {
                targetName = sharedBase + file;
                targetDocument = readResource(loader, targetName, "schemas/shared/" + file);
            }
            String key = targetName + "#" + pointer;
            if (chain.contains(key)) {
                throw schemaError("Circular $ref in JSON schema: " + String.join(" -> ", chain) + " -> " + key);
            }
            JsonNode target = pointer.isEmpty() ? targetDocument : targetDocument.at(pointer);
            if (target.isMissingNode()) {
                throw schemaError("Unresolvable $ref '" + ref + "' in " + documentName);
            }
            chain.push(key);
            try {
                JsonNode resolved = inline(target, targetDocument, targetName);
                if (resolved.isObject()) {
                    ((ObjectNode) resolved).remove("definitions");
                }
                return resolved;
            } finally {
                chain.pop();
            }
        }
    }
}

package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.Optional;

/**
 * The user's connector configuration (the {@code --config} JSON object). Immutable: {@link #json()} returns
 * a copy-safe view only in the sense that callers must not mutate it; {@link #with} returns a new config.
 */
public record Config(ObjectNode json) {

    public Config {
        requireNonNull(json, "json is null");
    }

    public static Config empty() {
        return new Config(Json.object());
    }

    public static Config of(JsonNode node) {
        if (!node.isObject()) {
            throw new ConfigException("The config must be a JSON object, got " + node.getNodeType());
        }
        return new Config((ObjectNode) node);
    }

    /** The value at a top-level key, if present and not null. */
    public Optional<JsonNode> get(String key) {
        JsonNode value = json.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** A required string setting; a missing one is a {@link ConfigException} naming the key. */
    public String requireString(String key) {
        return get(key).filter(JsonNode::isValueNode).map(JsonNode::asText)
                .orElseThrow(() -> new ConfigException("The config is missing the required field '" + key + "'"));
    }

    /** A copy with one top-level key replaced. */
    public Config with(String key, JsonNode value) {
        ObjectNode copy = json.deepCopy();
        copy.set(key, value);
        return new Config(copy);
    }

    /** A copy without the given top-level key. */
    public Config without(String key) {
        ObjectNode copy = json.deepCopy();
        copy.remove(key);
        return new Config(copy);
    }
}

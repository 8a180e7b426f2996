package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A source config for a test, most often the URL of a local API plus a few settings, as a {@link Config} to pass
 * in-process or as a {@code config.json} file for the command line.
 *
 * <pre>{@code
 * Path config = ConfigBuilder.withBaseUrl(api.baseUri().toString())
 *         .put("api_key", KEY).put("page_size", 500)
 *         .writeTo(dir.resolve("config.json"));
 * }</pre>
 *
 * <p>Keys keep the order they were put in, so the file reads as written. Not thread-safe: build a config on one
 * thread.
 */
public final class ConfigBuilder {

    /** The key {@link #withBaseUrl} puts the URL under, as most manifests and the examples read it. */
    public static final String BASE_URL_KEY = "base_url";

    private final ObjectNode json = Json.object();

    private ConfigBuilder() {
    }

    /** An empty config object. */
    public static ConfigBuilder empty() {
        return new ConfigBuilder();
    }

    /** A config whose {@code base_url} is {@code url}. */
    public static ConfigBuilder withBaseUrl(String url) {
        return empty().put(BASE_URL_KEY, url);
    }

    public ConfigBuilder put(String key, String value) {
        json.put(key, value);
        return this;
    }

    public ConfigBuilder put(String key, long value) {
        json.put(key, value);
        return this;
    }

    public ConfigBuilder put(String key, boolean value) {
        json.put(key, value);
        return this;
    }

    public ConfigBuilder put(String key, JsonNode value) {
        json.set(key, value.deepCopy());
        return this;
    }

    /** Adds every member of the JSON object {@code objectJson}, replacing keys already put. */
    public ConfigBuilder putAll(String objectJson) {
        JsonNode members;
        try {
            members = Json.parse(objectJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the config is not JSON: " + objectJson, e);
        }
        if (!members.isObject()) {
            throw new IllegalArgumentException("the config is not a JSON object: " + objectJson);
        }
        json.setAll((ObjectNode) members.deepCopy());
        return this;
    }

    /** The config; later puts do not change it. */
    public Config build() {
        return Config.of(json.deepCopy());
    }

    /** Writes the config as JSON to {@code file} (replacing it) and returns {@code file}. */
    public Path writeTo(Path file) {
        try {
            Files.writeString(file, Json.write(json));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the config to " + file, e);
        }
        return file;
    }
}

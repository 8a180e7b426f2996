package dev.sluice.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON files given on a command line ({@code --config}, {@code --catalog}, {@code --state}), with the
 * reference's error texts. Every failure is a {@link ConfigException} naming the file.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** A config file: a JSON object. */
    public static Config config(Path path) {
        JsonNode node = read(path);
        if (!node.isObject()) {
            throw new ConfigException("The content of " + path + " is not an object");
        }
        return Config.of(node);
    }

    /** A configured catalog file. */
    public static ConfiguredAirbyteCatalog catalog(Path path) {
        JsonNode node = read(path);
        try {
            return Json.convert(node, ConfiguredAirbyteCatalog.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException("Invalid configured catalog " + path + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException("Invalid configured catalog " + path + ": " + e.getMessage(), e);
        }
    }

    /** A state file in any of the protocol's forms; no file is an empty state. */
    public static StateInput state(@Nullable Path path) {
        return path == null ? StateInput.empty() : StateInput.parse(read(path));
    }

    /** Any JSON file. */
    public static JsonNode read(Path path) {
        try {
            return Json.read(path);
        } catch (JsonProcessingException e) {
            throw new ConfigException("Could not read json file " + path + ": " + e.getOriginalMessage()
                    + ". Please ensure that it is a valid JSON.", e);
        } catch (IOException e) {
            throw new ConfigException("Could not read file " + path + ": " + e, e);
        }
    }
}

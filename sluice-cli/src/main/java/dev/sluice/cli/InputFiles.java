package dev.sluice.cli;

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

/** Reads the JSON files given on the command line, with the reference's error texts. */
final class InputFiles {

    private InputFiles() {
    }

    static Config config(Path path) {
        JsonNode node = read(path);
        if (!node.isObject()) {
            throw new ConfigException("The content of " + path + " is not an object");
        }
        return Config.of(node);
    }

    static ConfiguredAirbyteCatalog catalog(Path path) {
        JsonNode node = read(path);
        try {
            return Json.convert(node, ConfiguredAirbyteCatalog.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException("Invalid configured catalog " + path + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException("Invalid configured catalog " + path + ": " + e.getMessage(), e);
        }
    }

    static StateInput state(@Nullable Path path) {
        return path == null ? StateInput.empty() : StateInput.parse(read(path));
    }

    static JsonNode read(Path path) {
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

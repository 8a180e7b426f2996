package dev.sluice.builder.testread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.builder.ManifestInput;
import dev.sluice.declarative.manifest.ManifestLoader;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Manifests of sluice-examples (and inline ones) as the Connector Builder receives them: JSON trees. */
final class DemoManifests {

    private DemoManifests() {
    }

    static JsonNode resource(String path) {
        try (InputStream in = DemoManifests.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path);
            }
            return yaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(String text) {
        return ManifestLoader.fromYaml(text).root();
    }

    static ManifestInput input(JsonNode manifest) {
        return ManifestInput.trusted(manifest, DemoManifests.class.getClassLoader());
    }

    static ObjectNode config(String... keyValues) {
        ObjectNode config = Json.object();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return config;
    }
}

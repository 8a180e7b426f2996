package dev.sluice.loader;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.nio.file.Path;
import java.util.List;

/**
 * The manifest provider of core's tests, registered in {@code META-INF/services}: its sources say in their SPEC
 * which method built them, so a test sees how each manifest kind was routed.
 */
public final class FakeManifestProvider implements ManifestProvider {

    @Override
    public Source fromFile(Path file, CustomCode code) {
        return new Described("fromFile " + file.getFileName(), code);
    }

    @Override
    public Source fromYaml(String text, CustomCode code) {
        return new Described("fromYaml " + text, code);
    }

    @Override
    public Source fromJson(JsonNode manifest, CustomCode code) {
        return new Described("fromJson " + manifest.path("version").asText(), code);
    }

    @Override
    public ConnectorSpecification specOf(Path file, CustomCode code) {
        return new Described("specOf " + file.getFileName(), code).spec();
    }

    /** A source with no streams whose SPEC's documentation URL is {@code how}; {@code code} is what it was given. */
    record Described(String how, CustomCode code) implements Source {
        @Override
        public ConnectorSpecification spec() {
            return ConnectorSpecification.of(how, Json.object());
        }

        @Override
        public List<Stream> streams(Config config) {
            return List.of();
        }
    }
}

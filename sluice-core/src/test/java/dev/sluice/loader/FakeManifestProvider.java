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
    public Source fromFile(Path file) {
        return new Described("fromFile " + file.getFileName());
    }

    @Override
    public Source fromYaml(String text) {
        return new Described("fromYaml " + text);
    }

    @Override
    public Source fromJson(JsonNode manifest) {
        return new Described("fromJson " + manifest.path("version").asText());
    }

    @Override
    public ConnectorSpecification specOf(Path file) {
        return new Described("specOf " + file.getFileName()).spec();
    }

    /** A source with no streams whose SPEC's documentation URL is {@code how}. */
    record Described(String how) implements Source {
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

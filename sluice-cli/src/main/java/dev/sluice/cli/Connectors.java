package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.loader.SourceLoader;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.Source;
import java.nio.file.Path;

/** Finds the connector a command runs: the command line's options made a {@link SourceLocation}. */
final class Connectors {

    private Connectors() {
    }

    /** The config key the reference's generic manifest runner reads the manifest from. */
    static final String INJECTED_MANIFEST = "__injected_declarative_manifest";

    static Source load(ConnectorOptions options, Config config) {
        return loader().load(location(options, config));
    }

    /** The SPEC of a manifest file, read without building the source. */
    static ConnectorSpecification specOf(Path manifest) {
        return loader().spec(SourceLocation.manifestFile(manifest));
    }

    static SourceLocation location(ConnectorOptions options, Config config) {
        options.requireOne();
        if (options.sourceClass != null) {
            return SourceLocation.className(options.sourceClass);
        }
        if (options.manifest != null) {
            return SourceLocation.manifestFile(options.manifest);
        }
        JsonNode injected = config.json().get(INJECTED_MANIFEST);
        if (injected != null && injected.isObject()) {
            return SourceLocation.manifestObject(injected);
        }
        throw new ConfigException("Give a connector with --source CLASS or --manifest FILE (or put the manifest in "
                + "the config under " + INJECTED_MANIFEST + ")");
    }

    /**
     * The CLI's own class loader (a later {@code --classpath} option widens it), and the process environment,
     * which may allow custom components in a manifest given as data ({@code AIRBYTE_ENABLE_UNSAFE_CODE=true}).
     */
    private static SourceLoader loader() {
        return new SourceLoader(Connectors.class.getClassLoader(), System.getenv());
    }
}

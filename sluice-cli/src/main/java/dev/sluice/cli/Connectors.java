package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.launcher.ConnectorChoice;
import dev.sluice.loader.SourceLoader;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.Source;
import java.util.Optional;

/** Finds the connector a command runs: the command line's options made a {@link SourceLocation}. */
final class Connectors {

    private Connectors() {
    }

    /** The config key the reference's generic manifest runner reads the manifest from. */
    static final String INJECTED_MANIFEST = "__injected_declarative_manifest";

    /** The connector {@code options} name, loaded from Sluice's classes and those of {@code --classpath}. */
    static ConnectorChoice choice(ConnectorOptions options) {
        options.requireOne();
        ClasspathOption.OutsideClasses classes = options.classpath.open();
        SourceLoader loader = new SourceLoader(classes.loader());
        return new ConnectorChoice() {
            @Override
            public Source load(Config config) {
                return loader.load(location(options, config));
            }

            @Override
            public Optional<ConnectorSpecification> declaredSpec() {
                if (options.manifest != null && options.sourceClass == null) {
                    return Optional.of(loader.spec(SourceLocation.manifestFile(options.manifest)));
                }
                return Optional.empty();
            }

            @Override
            public void close() {
                classes.close();
            }
        };
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
}

package dev.sluice.cli;

import dev.sluice.launcher.ConnectorChoice;
import dev.sluice.source.ConfigException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which connector to run: a code-first source class or a declarative manifest, and where outside classes are. */
final class ConnectorOptions {

    @Option(names = "--source", paramLabel = "CLASS",
            description = "A code-first Source class on the classpath (Sluice's own or --classpath).")
    @Nullable String sourceClass;

    @Option(names = {"--manifest", "--manifest-path"}, paramLabel = "FILE",
            description = "A declarative manifest (YAML). Without it, the config's __injected_declarative_manifest is used.")
    @Nullable Path manifest;

    @Mixin
    ClasspathOption classpath = new ClasspathOption();

    void requireOne() {
        if (sourceClass != null && manifest != null) {
            throw new ConfigException("Give either --source or --manifest, not both");
        }
    }

    /** The connector these options name; close it when the command ends (it may hold the --classpath jars). */
    ConnectorChoice choice() {
        return Connectors.choice(this);
    }
}

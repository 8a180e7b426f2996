package dev.sluice.launcher;

import static java.util.Objects.requireNonNull;

import dev.sluice.loader.SourceLoader;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.Source;

/**
 * A manifest packed in the connector's jar, read through {@link SourceLoader} so that the launcher needs no
 * declarative classes: the manifest provider (sluice-declarative) is found on {@code classLoader}.
 */
record ManifestResource(String name, ClassLoader classLoader) implements ConnectorChoice {

    ManifestResource {
        requireNonNull(name, "name is null");
        requireNonNull(classLoader, "classLoader is null");
        // ClassLoader resources have no leading slash; Class resources do. Accept both spellings.
        name = name.startsWith("/") ? name.substring(1) : name;
        if (name.isBlank()) {
            throw new IllegalArgumentException("The manifest resource name is blank");
        }
    }

    @Override
    public Source load(Config config) {
        if (classLoader.getResource(name) == null) {
            // The connector was packaged without its manifest: the author's mistake, not the user's config.
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "The connector has no manifest: no resource "
                    + name + " on its class path (put it in src/main/resources)");
        }
        // As a resource, not as YAML text: a manifest packed with the connector is the author's code, so its custom
        // components run (YAML given as data runs them only where unsafe code is allowed).
        return new SourceLoader(classLoader).load(SourceLocation.manifestResource(name));
    }
}

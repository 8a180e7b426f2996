package dev.sluice.launcher;

import static java.util.Objects.requireNonNull;

import dev.sluice.loader.SourceLoader;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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
        return new SourceLoader(classLoader).load(SourceLocation.manifestYaml(text()));
    }

    private String text() {
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                // The connector was packaged without its manifest: the author's mistake, not the user's config.
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "The connector has no manifest: no resource "
                        + name + " on its class path (put it in src/main/resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot read the manifest " + name + ": " + e, e);
        }
    }
}

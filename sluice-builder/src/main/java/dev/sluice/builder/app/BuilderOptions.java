package dev.sluice.builder.app;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code ./sluice builder} edits and where it listens.
 *
 * @param manifest   the manifest file (created on the first Save when it does not exist)
 * @param config     the config file the form starts from and saves to; null keeps the config in the page only
 * @param port       the port on 127.0.0.1; 0 picks a free one
 * @param customCode the class loader of the manifest's custom components ({@code --classpath})
 */
public record BuilderOptions(Path manifest, @Nullable Path config, int port, ClassLoader customCode) {

    public BuilderOptions {
        Objects.requireNonNull(manifest, "manifest is null");
        Objects.requireNonNull(customCode, "customCode is null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
    }
}

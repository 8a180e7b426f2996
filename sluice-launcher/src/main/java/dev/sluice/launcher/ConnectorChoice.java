package dev.sluice.launcher;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.source.Config;
import dev.sluice.source.Source;
import java.util.Optional;

/**
 * The connector a protocol command runs: a fixed {@link Source} ({@link Launcher#launch}), a manifest on the class
 * path ({@link Launcher#launchManifest}), or what a command line's own options name ({@code ./sluice --source},
 * {@code --manifest}, {@code --classpath}). A command asks for its choice once, loads the source at most once, and
 * closes the choice when it ends, so a choice may own resources such as a class loader.
 */
@FunctionalInterface
public interface ConnectorChoice extends AutoCloseable {

    /**
     * The source to run with {@code config} (the command's config, or an empty one for {@code spec} without
     * {@code --config}). Throws a {@link dev.sluice.source.ConnectorException} when it cannot be loaded; the command
     * reports it as an error TRACE.
     */
    Source load(Config config);

    /**
     * The SPEC, when it can be read without building the source (a manifest file: its spec section only); empty
     * otherwise, and {@code spec} then loads the source.
     */
    default Optional<ConnectorSpecification> declaredSpec() {
        return Optional.empty();
    }

    /** Releases what the choice holds; the default holds nothing. */
    @Override
    default void close() {
    }

    /** Always {@code source}. */
    static ConnectorChoice of(Source source) {
        requireNonNull(source, "source is null");
        return config -> source;
    }
}

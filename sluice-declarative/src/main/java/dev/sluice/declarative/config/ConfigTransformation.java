package dev.sluice.declarative.config;

import dev.sluice.source.Config;

/**
 * One step of a config migration or of the in-memory config transformations
 * ({@code ConfigRemapField}, {@code ConfigAddFields}, {@code ConfigRemoveFields}, {@code CustomConfigTransformation}).
 *
 * <p>Steps run in the order the manifest lists them, before {@code check}, {@code discover} and {@code read};
 * each sees the config the previous step returned. They run on the thread that starts the command, once per
 * command, so an implementation needs no synchronisation.
 */
@FunctionalInterface
public interface ConfigTransformation {

    /**
     * The config after this step. The input is never modified: return it unchanged when nothing applies, or a
     * changed copy ({@link Config#with}, or a {@code deepCopy()} of {@link Config#json()}).
     *
     * @throws dev.sluice.source.ConnectorException (with its failure type) when the config cannot be transformed
     */
    Config transform(Config config);
}

package dev.sluice.source;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Told when a running source changed the user's config, so that whoever runs the source can persist it: an OAuth
 * refresh token rotated ({@link #configUpdated}; the platform would otherwise start the next sync with a spent
 * single-use token), or a manifest's {@code config_migrations} migrated it ({@link #configMigrated}). The command
 * line writes a CONTROL message with the whole new config, and for a migration also rewrites its config file. Called on the thread that changed the config;
 * implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConfigUpdateListener {

    /** {@code newConfig} is the whole config after the change; the listener must not modify it. */
    void configUpdated(ObjectNode newConfig);

    /** A migration changed the config to {@code migratedConfig}; by default the same as {@link #configUpdated}. */
    default void configMigrated(ObjectNode migratedConfig) {
        configUpdated(migratedConfig);
    }
}

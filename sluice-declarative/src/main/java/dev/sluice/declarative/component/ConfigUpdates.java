package dev.sluice.declarative.component;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Told when the user's config changed so that the platform can persist it: a component rotated an OAuth refresh
 * token ({@link #configUpdated}), or the manifest's {@code config_migrations} migrated it ({@link #configMigrated}).
 * The CLI writes a CONTROL message with the whole new config; for a migration it also rewrites its
 * {@code --config} file, as the reference's entry point does.
 */
@FunctionalInterface
public interface ConfigUpdates {

    ConfigUpdates NONE = config -> { };

    void configUpdated(ObjectNode newConfig);

    /** The manifest's config migrations changed the config to {@code migratedConfig}; by default as {@link #configUpdated}. */
    default void configMigrated(ObjectNode migratedConfig) {
        configUpdated(migratedConfig);
    }
}

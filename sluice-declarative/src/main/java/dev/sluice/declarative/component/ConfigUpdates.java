package dev.sluice.declarative.component;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Told when a component changed the user's config (an OAuth refresh token rotated), so that the platform can
 * persist it: the CLI writes a CONTROL message with the whole new config.
 */
@FunctionalInterface
public interface ConfigUpdates {

    ConfigUpdates NONE = config -> { };

    void configUpdated(ObjectNode newConfig);
}

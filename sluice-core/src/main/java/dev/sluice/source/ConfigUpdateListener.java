package dev.sluice.source;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Told when a running source changed the user's config (an OAuth refresh token rotated), so that whoever runs the
 * source can persist it: the command line writes a CONTROL message with the whole new config, since the platform
 * would otherwise start the next sync with a spent single-use token. Called on the thread that changed the config;
 * implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConfigUpdateListener {

    /** {@code newConfig} is the whole config after the change; the listener must not modify it. */
    void configUpdated(ObjectNode newConfig);
}

package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rewrites a stream's incoming state before the stream reads it: the interface of a {@code CustomStateMigration}'s
 * class, as the reference's {@code StateMigration} ({@code should_migrate}, {@code migrate}). Both receive a copy
 * of the state, which they may change.
 */
public interface StateMigration {

    /** Whether {@code state} is in the old form this migration rewrites. */
    boolean shouldMigrate(ObjectNode state);

    /** The state in the new form. */
    ObjectNode migrate(ObjectNode state);
}

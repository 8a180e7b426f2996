package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.declarative.incremental.StateMigration;

/** CustomStateMigration: a state keyed by {@code from} is rekeyed to {@code to}. */
public final class RenameCursorMigration implements StateMigration {

    private final String from;
    private final String to;

    public RenameCursorMigration(CustomComponentContext context) {
        this.from = context.requireString("from");
        this.to = context.requireString("to");
    }

    @Override
    public boolean shouldMigrate(ObjectNode state) {
        return state.has(from) && !state.has(to);
    }

    @Override
    public ObjectNode migrate(ObjectNode state) {
        state.set(to, state.remove(from));
        return state;
    }
}

package dev.sluice.declarative.manifest;

import static java.util.Objects.requireNonNull;

import dev.sluice.source.ConnectorException;
import java.util.function.Supplier;

/**
 * Where a spec record was declared: its JSON pointer in the resolved manifest and its YAML line (0 when unknown).
 * Runtime errors of the component built from it name this place, so the Connector Builder can point at it.
 *
 * @param pointer the JSON pointer, e.g. {@code /streams/0/retriever/paginator}; empty when unknown
 */
public record SpecLocation(String pointer, int line) {

    /** A component built without a manifest (tests, code): its errors name no place. */
    public static final SpecLocation UNKNOWN = new SpecLocation("", 0);

    public SpecLocation {
        requireNonNull(pointer, "pointer is null");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
    }

    public boolean isKnown() {
        return !pointer.isEmpty();
    }

    /** {@code at /streams/0/retriever/paginator, line 42}. */
    public String describe() {
        return "at " + pointer + (line > 0 ? ", line " + line : "");
    }

    /** Runs {@code action}; a {@link ConnectorException} it throws names this place (unless it names one already). */
    public <T> T around(Supplier<T> action) {
        try {
            return action.get();
        } catch (ConnectorException e) {
            throw isKnown() ? e.locatedAt(describe()) : e;
        }
    }

    /** {@link #around} for an action without a result. */
    public void run(Runnable action) {
        around(() -> {
            action.run();
            return null;
        });
    }
}

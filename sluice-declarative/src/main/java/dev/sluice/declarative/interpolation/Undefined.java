package dev.sluice.declarative.interpolation;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;

/**
 * Jinja's default {@code Undefined}: what a missing key, attribute or index, or an if-expression without
 * {@code else}, evaluates to. It renders empty, is false, iterates as empty and has length 0; reading an attribute
 * or item of it, calling it, or using it in arithmetic or ordering raises {@link UndefinedError} with {@link #hint}.
 */
record Undefined(String hint, boolean unsafe) {

    Undefined(String hint) {
        this(hint, false);
    }

    /** Jinja's {@code unsafe_undefined}: an attribute the sandbox refuses; using it raises {@code SecurityError}. */
    static Undefined unsafe(Object owner, String name) {
        return new Undefined("access to attribute " + PyText.repr(name) + " of " + Py.ownerDescription(owner)
                + " is unsafe", true);
    }

    static Undefined missingAttribute(Object owner, Object name) {
        return new Undefined(Py.ownerDescription(owner) + " has no attribute " + PyText.repr(name));
    }

    static Undefined missingItem(Object owner, Object key) {
        return new Undefined(Py.ownerDescription(owner) + " has no element " + PyText.repr(key));
    }

    /** The error raised when the value is used: {@code SecurityError} (not caught by eval) for a refusal. */
    ConnectorException error() {
        return unsafe ? new ConnectorException(FailureType.SYSTEM_ERROR, "SecurityError in template: " + hint)
                : new UndefinedError(hint);
    }
}

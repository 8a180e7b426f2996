package dev.sluice.declarative.interpolation;

/**
 * Jinja's default {@code Undefined}: what a missing key, attribute or index, or an if-expression without
 * {@code else}, evaluates to. It renders empty, is false, iterates as empty and has length 0; reading an attribute
 * or item of it, calling it, or using it in arithmetic or ordering raises {@link UndefinedError} with {@link #hint}.
 */
record Undefined(String hint) {

    static Undefined missingAttribute(Object owner, Object name) {
        return new Undefined(Py.ownerDescription(owner) + " has no attribute " + PyText.repr(name));
    }

    static Undefined missingItem(Object owner, Object key) {
        return new Undefined(Py.ownerDescription(owner) + " has no element " + PyText.repr(key));
    }

    UndefinedError error() {
        return new UndefinedError(hint);
    }
}

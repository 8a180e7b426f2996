package dev.sluice.declarative.interpolation;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;

/**
 * A Python {@code TypeError} raised while rendering. The reference treats it specially: its {@code _eval} catches
 * {@code TypeError} and returns the template text unrendered, so {@link Template} does the same.
 */
final class PyTypeError extends ConnectorException {

    private static final long serialVersionUID = 1L;

    PyTypeError(String message) {
        super(FailureType.SYSTEM_ERROR, "TypeError in template: " + message);
    }
}

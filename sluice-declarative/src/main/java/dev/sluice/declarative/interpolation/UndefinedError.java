package dev.sluice.declarative.interpolation;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;

/**
 * Jinja's {@code UndefinedError}. The reference's {@code eval} catches it and falls back to the default, so it is
 * caught inside this package; should it escape, it still carries a failure type.
 */
final class UndefinedError extends ConnectorException {

    private static final long serialVersionUID = 1L;

    UndefinedError(String hint) {
        super(FailureType.SYSTEM_ERROR, "Undefined value in template: " + hint);
    }
}

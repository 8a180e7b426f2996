package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;

/** Factories for the Python exceptions templates can raise, each mapped to a failure type. */
final class PyErrors {

    private PyErrors() {
    }

    static PyTypeError typeError(String message) {
        return new PyTypeError(message);
    }

    /** {@code ValueError}, {@code ZeroDivisionError}, {@code OverflowError} and friends: unhandled, a system error. */
    static ConnectorException valueError(String message) {
        return new ConnectorException(FailureType.SYSTEM_ERROR, "Error in template: " + message);
    }

    static ConnectorException limit(String message) {
        return new ConnectorException(FailureType.SYSTEM_ERROR, "Template exceeded a resource limit: " + message);
    }

    static ManifestException syntax(String message) {
        return new ManifestException(message);
    }

    static PyTypeError unsupported(String operator, Object left, Object right) {
        return typeError("unsupported operand type(s) for " + operator + ": '" + Py.typeName(left) + "' and '"
                + Py.typeName(right) + "'");
    }
}

package dev.sluice.declarative.datetime;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;

/** Python raises {@code ValueError} for these; unhandled, the reference reports them as system errors. */
final class DatetimeErrors {

    private DatetimeErrors() {
    }

    static ConnectorException valueError(String message) {
        return new ConnectorException(FailureType.SYSTEM_ERROR, message);
    }
}

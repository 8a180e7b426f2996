package dev.sluice.source;

import dev.sluice.protocol.FailureType;
import org.jspecify.annotations.Nullable;

/** Data from the API could not be turned into records (a malformed body, a record of the wrong shape). */
public class RecordException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public RecordException(FailureType failureType, String message, @Nullable Throwable cause) {
        super(failureType, message, message, cause);
    }

    public RecordException(String message) {
        super(FailureType.SYSTEM_ERROR, message, message, null);
    }
}

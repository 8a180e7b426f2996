package dev.sluice.runner;

import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.StreamDescriptor;
import dev.sluice.source.ConnectorException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.jspecify.annotations.Nullable;

/** Turns any failure into the TRACE ERROR the platform expects. */
public final class ErrorTraces {

    /** The reference's text when an error has no message of its own. */
    public static final String DEFAULT_MESSAGE =
            "Something went wrong in the connector. See the logs for more details.";

    private ErrorTraces() {
    }

    public static AirbyteTrace.TraceError of(Throwable failure, @Nullable StreamDescriptor stream) {
        if (failure instanceof ConnectorException connector) {
            return new AirbyteTrace.TraceError(connector.userMessage(), connector.getMessage(),
                    stackTrace(failure), connector.failureType(), stream);
        }
        String detail = failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        String message = stream == null ? DEFAULT_MESSAGE
                : "An unexpected error occurred in stream " + stream.name() + ": " + failure.getClass().getSimpleName();
        return new AirbyteTrace.TraceError(message, detail, stackTrace(failure), FailureType.SYSTEM_ERROR, stream);
    }

    public static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}

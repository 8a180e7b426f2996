package dev.sluice.kafka;

import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A copy of a failure, and of its causes, whose messages went through a masker: Connect logs and reports the
 * whole cause chain of a task's failure, and an API that refused a token often quotes it in the message. The
 * copy keeps each original's class name (in its message) and stack trace.
 */
final class MaskedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 16;

    private MaskedFailure(String message, @Nullable Throwable cause, StackTraceElement[] stackTrace) {
        super(message, cause, false, true);
        setStackTrace(stackTrace);
    }

    static MaskedFailure of(Throwable failure, UnaryOperator<String> mask) {
        return copy(failure, mask, 0);
    }

    private static MaskedFailure copy(Throwable failure, UnaryOperator<String> mask, int depth) {
        Throwable cause = failure.getCause();
        MaskedFailure maskedCause = cause == null || cause == failure || depth >= MAX_DEPTH ? null
                : copy(cause, mask, depth + 1);
        String message = failure.getMessage() == null ? failure.getClass().getName()
                : failure.getClass().getName() + ": " + mask.apply(failure.getMessage());
        return new MaskedFailure(message, maskedCause, failure.getStackTrace());
    }

    @Override
    public String toString() {
        return getMessage();
    }
}

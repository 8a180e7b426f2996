package dev.sluice.http;

import dev.sluice.protocol.FailureType;
import org.jspecify.annotations.Nullable;

/**
 * The error handler answered {@code RESET_PAGINATION}: the caller paging through a slice restarts from its first page
 * (a declarative retriever does, as the reference's {@code SimpleRetriever._read_pages} does on
 * {@code PaginationResetRequiredException}); anyone else sees a failed request.
 */
public final class PaginationResetRequiredException extends HttpResponseException {

    private static final long serialVersionUID = 1L;

    public PaginationResetRequiredException(FailureType failureType, String userMessage, String internalMessage,
            int status, String request, @Nullable Throwable cause) {
        super(failureType, userMessage, internalMessage, status, request, cause);
    }
}

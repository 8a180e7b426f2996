package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import org.jspecify.annotations.Nullable;

/** The guard every paginating loop shares (divergences.md §3): a page must not point to itself. */
public final class PageTokens {

    private PageTokens() {
    }

    /**
     * Fails when the API answered {@code request}, made with {@code current}, with the same token again: the loop
     * would request the same page forever.
     */
    public static void requireAdvanced(@Nullable JsonNode next, @Nullable JsonNode current, HttpRequest request) {
        if (next != null && next.equals(current)) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "The API returned the same next page token ("
                    + next + ") twice in a row for " + request.describe()
                    + "; stopping instead of requesting the same page forever");
        }
    }
}

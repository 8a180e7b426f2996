package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.interpolation.KeyPaths;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link PageIncrementSpec}. */
final class PageIncrement implements PaginationStrategy {

    private final @Nullable Integer pageSize;
    private final int startFromPage;
    private final boolean injectOnFirstRequest;

    PageIncrement(@Nullable Integer pageSize, int startFromPage, boolean injectOnFirstRequest) {
        this.pageSize = pageSize;
        this.startFromPage = startFromPage;
        this.injectOnFirstRequest = injectOnFirstRequest;
    }

    @Override
    public @Nullable JsonNode initialToken() {
        return injectOnFirstRequest ? Json.nodes().numberNode(startFromPage) : null;
    }

    @Override
    public @Nullable JsonNode nextToken(Page page) {
        // Records are counted as the API returned them, so a filter cannot end pagination early.
        int count = page.rawRecordCount();
        if (count == 0 || (pageSize != null && pageSize != 0 && count < pageSize)) {
            return null;
        }
        // Without a token, the page read was start_from_page itself (it was not injected).
        long current = page.token() == null || page.token().isNull() ? startFromPage : page.token().asLong();
        return Json.nodes().numberNode(current + 1);
    }

    @Override
    public @Nullable Integer pageSize() {
        return pageSize;
    }

    /** The body is never read: the next page follows from the count of records and the token. */
    @Override
    public KeyPaths responsePaths() {
        return KeyPaths.NONE;
    }
}

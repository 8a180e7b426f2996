package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.interpolation.KeyPaths;
import org.jspecify.annotations.Nullable;

/**
 * Computes page tokens. Stateless: the next token depends only on the page just read (which carries the
 * token it was read with), so one strategy serves every slice and thread.
 */
public interface PaginationStrategy {

    /** The token of the first request, or null to send the first request without one. */
    @Nullable JsonNode initialToken();

    /** The next token, or null when the page was the last. */
    @Nullable JsonNode nextToken(Page page);

    /** The page size to inject with {@code page_size_option}, or null when the strategy has none. */
    @Nullable Integer pageSize();

    /** Where the strategy's templates read the decoded body ({@code response}); none by default. */
    default KeyPaths responsePaths() {
        return KeyPaths.NONE;
    }
}

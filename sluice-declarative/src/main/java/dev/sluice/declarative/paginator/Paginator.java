package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.interpolation.KeyPaths;
import org.jspecify.annotations.Nullable;

/** Runtime pagination: tokens from the strategy, and how they (and the page size) reach the request. */
public interface Paginator {

    Paginator NONE = new Paginator() {
        @Override
        public @Nullable JsonNode initialToken() {
            return null;
        }

        @Override
        public @Nullable JsonNode nextToken(Page page) {
            return null;
        }

        @Override
        public RequestOptions requestOptions(@Nullable JsonNode token) {
            return RequestOptions.NONE;
        }

        @Override
        public @Nullable String path(@Nullable JsonNode token) {
            return null;
        }
    };

    @Nullable JsonNode initialToken();

    @Nullable JsonNode nextToken(Page page);

    /** Page size and token as request options. */
    RequestOptions requestOptions(@Nullable JsonNode token);

    /** With {@code RequestPath}, the token as the path (or full URL) of the next request; else null. */
    @Nullable String path(@Nullable JsonNode token);

    /**
     * Where the paginator reads the decoded body of a page ({@code response} in its templates): a page may be
     * streamed, its records taken out of the body, only when no read overlaps the records' path.
     */
    default KeyPaths responsePaths() {
        return KeyPaths.NONE;
    }
}

package dev.sluice.declarative.component;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** Where a paginator's next-page token goes: into the request's options, or as the whole next path. */
public interface PageTokenOption {

    /** The options carrying {@code token}; none when the token is a path. */
    RequestOptions inject(JsonNode token);

    /** The next request's path (or full URL) for {@code token}, or null when the token is not a path. */
    default @Nullable String path(JsonNode token) {
        return null;
    }
}

package dev.sluice.declarative.component;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.interpolation.PythonText;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link RequestPathSpec}: the token is the next request's path or full URL. */
public final class RequestPath implements PageTokenOption {

    public static final RequestPath INSTANCE = new RequestPath();

    private RequestPath() {
    }

    @Override
    public RequestOptions inject(JsonNode token) {
        return RequestOptions.NONE;
    }

    /** Python's {@code str()} of the token; a falsy token (null, 0, empty) gives no path. */
    @Override
    public @Nullable String path(JsonNode token) {
        return token.isNull() || PythonText.isFalsy(token) ? null : PythonText.str(token);
    }
}

package dev.sluice.declarative.component;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: RequestPath} — the page token is the next request's path or full URL (e.g. a {@code next} link).
 * <pre>{@code page_token_option: {type: RequestPath}}</pre>
 */
@JsonTypeName("RequestPath")
public record RequestPathSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters)
        implements PageTokenOptionSpec {

    @Override
    public RequestPath build(BuildContext context) {
        return RequestPath.INSTANCE;
    }
}

package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.KeyPaths;
import dev.sluice.http.HttpResponse;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link CursorPaginationSpec}. */
final class CursorPagination implements PaginationStrategy {

    private static final String RESPONSE = "response";

    private final InterpolatedString cursorValue;
    private final @Nullable InterpolatedBoolean stopCondition;
    private final @Nullable Integer pageSize;
    private final InterpolationContext base;

    CursorPagination(InterpolatedString cursorValue, @Nullable InterpolatedBoolean stopCondition,
            @Nullable Integer pageSize, InterpolationContext base) {
        this.cursorValue = cursorValue;
        this.stopCondition = stopCondition;
        this.pageSize = pageSize;
        this.base = base;
    }

    @Override
    public KeyPaths responsePaths() {
        KeyPaths paths = cursorValue.keyPaths(RESPONSE);
        return stopCondition == null ? paths : paths.plus(stopCondition.keyPaths(RESPONSE));
    }

    @Override
    public @Nullable JsonNode initialToken() {
        return null;
    }

    @Override
    public @Nullable JsonNode nextToken(Page page) {
        InterpolationContext context = base.with(RESPONSE, page.firstDocument())
                .with("headers", headers(page.response()))
                .with("last_record", page.lastRecord())
                .with("last_page_size", Json.nodes().numberNode(page.lastPageSize()));
        if (stopCondition != null && stopCondition.eval(context)) {
            return null;
        }
        JsonNode token = cursorValue.eval(context);
        if (token == null || token.isNull() || isFalsy(token)) {
            return null;
        }
        return token;
    }

    static boolean isFalsy(JsonNode token) {
        return PythonText.isFalsy(token);
    }

    @Override
    public @Nullable Integer pageSize() {
        return pageSize;
    }

    /**
     * The response headers as a mapping (under their names as received and in lower case, so that templates
     * work whatever case the server uses), plus {@code link}: the Link header parsed by relation, as Python's
     * {@code requests} exposes {@code response.links} (an empty mapping without one).
     */
    static ObjectNode headers(HttpResponse response) {
        ObjectNode headers = Json.object();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String value = String.join(", ", header.getValue());
            headers.put(header.getKey(), value);
            headers.put(header.getKey().toLowerCase(Locale.ROOT), value);
        }
        List<String> links = response.headers().allValues("Link");
        headers.set("link", links.isEmpty() ? Json.object() : LinkHeader.parse(String.join(", ", links)));
        return headers;
    }
}

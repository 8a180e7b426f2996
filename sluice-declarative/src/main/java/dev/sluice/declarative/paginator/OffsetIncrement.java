package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.KeyPaths;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link OffsetIncrementSpec}. The page size may read {@code response}, so it is evaluated per page;
 * without {@code response} in it, it is evaluated once.
 */
final class OffsetIncrement implements PaginationStrategy {

    private static final String RESPONSE = "response";

    private final @Nullable InterpolatedString pageSize;
    private final @Nullable Integer constantSize;
    private final boolean injectOnFirstRequest;
    private final InterpolationContext base;

    OffsetIncrement(@Nullable InterpolatedString pageSize, boolean injectOnFirstRequest, InterpolationContext base) {
        this.pageSize = pageSize;
        this.constantSize = pageSize != null && pageSize.keyPaths(RESPONSE).isEmpty()
                ? PageSizes.evaluate(pageSize, base) : null;
        this.injectOnFirstRequest = injectOnFirstRequest;
        this.base = base;
    }

    @Override
    public @Nullable JsonNode initialToken() {
        return injectOnFirstRequest ? Json.nodes().numberNode(0) : null;
    }

    @Override
    public @Nullable JsonNode nextToken(Page page) {
        int count = page.rawRecordCount();
        if (count == 0) {
            return null;
        }
        Integer size = constantSize != null ? constantSize
                : PageSizes.evaluate(pageSize, base.with(RESPONSE, page.firstDocument()));
        if (size != null && size != 0 && count < size) {
            return null;
        }
        long previous = page.token() == null || page.token().isNull() ? 0 : page.token().asLong();
        return Json.nodes().numberNode(previous + count);
    }

    @Override
    public KeyPaths responsePaths() {
        return pageSize == null ? KeyPaths.NONE : pageSize.keyPaths(RESPONSE);
    }

    @Override
    public @Nullable Integer pageSize() {
        return constantSize != null ? constantSize : PageSizes.evaluate(pageSize, base);
    }
}

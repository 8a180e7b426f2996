package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.declarative.paginator.Page;
import dev.sluice.declarative.paginator.PaginationStrategy;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/** CustomPaginationStrategy: the next token is the page's last id plus {@code step}; a short page is the last. */
public final class LastIdPlusStep implements PaginationStrategy {

    private final long step;
    private final int pageSize;

    public LastIdPlusStep(CustomComponentContext context) {
        this.step = context.integer("step").orElse(1L);
        this.pageSize = context.integer("page_size").orElse(2L).intValue();
    }

    @Override
    public @Nullable JsonNode initialToken() {
        return null;
    }

    @Override
    public @Nullable JsonNode nextToken(Page page) {
        if (page.lastPageSize() < pageSize || page.lastRecord() == null) {
            return null;
        }
        return Json.nodes().numberNode(page.lastRecord().path("id").asLong() + step);
    }

    @Override
    public @Nullable Integer pageSize() {
        return pageSize;
    }
}

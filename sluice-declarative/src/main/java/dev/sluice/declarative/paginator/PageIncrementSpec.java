package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: PageIncrement} — the token is a page number counting up from {@code start_from_page}; stops at
 * a short or empty page.
 * <pre>{@code pagination_strategy: {type: PageIncrement, page_size: 50, start_from_page: 1}}</pre>
 */
@JsonTypeName("PageIncrement")
public record PageIncrementSpec(
        @JsonProperty("page_size") @Nullable String pageSize,
        @JsonProperty("start_from_page") @Nullable Integer startFromPage,
        @JsonProperty("inject_on_first_request") @Nullable Boolean injectOnFirstRequest,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PaginationStrategySpec {

    @Override
    public PaginationStrategy build(BuildContext context) {
        Integer size = PageSizes.evaluate(pageSize, context, parameters);
        int start = startFromPage == null ? 0 : startFromPage;
        boolean injectFirst = Boolean.TRUE.equals(injectOnFirstRequest);
        return new PaginationStrategy() {
            @Override
            public @Nullable JsonNode initialToken() {
                return injectFirst ? Json.nodes().numberNode(start) : null;
            }

            @Override
            public @Nullable JsonNode nextToken(Page page) {
                int count = page.rawRecordCount();
                if (count == 0 || (size != null && count < size)) {
                    return null;
                }
                long current = page.token() == null || page.token().isNull() ? start : page.token().asLong();
                return Json.nodes().numberNode(current + 1);
            }

            @Override
            public @Nullable Integer pageSize() {
                return size;
            }
        };
    }
}

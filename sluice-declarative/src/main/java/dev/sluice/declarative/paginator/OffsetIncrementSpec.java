package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: OffsetIncrement} — the token is the number of records read so far; stops at a short or empty
 * page (records counted as extracted, before filtering).
 * <pre>{@code pagination_strategy: {type: OffsetIncrement, page_size: 100}}</pre>
 */
@JsonTypeName("OffsetIncrement")
public record OffsetIncrementSpec(
        @JsonProperty("page_size") @Nullable String pageSize,
        @JsonProperty("inject_on_first_request") @Nullable Boolean injectOnFirstRequest,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PaginationStrategySpec {

    @Override
    public PaginationStrategy build(BuildContext context) {
        Integer size = PageSizes.evaluate(pageSize, context, parameters);
        boolean injectFirst = Boolean.TRUE.equals(injectOnFirstRequest);
        return new PaginationStrategy() {
            @Override
            public @Nullable JsonNode initialToken() {
                return injectFirst ? Json.nodes().numberNode(0) : null;
            }

            @Override
            public @Nullable JsonNode nextToken(Page page) {
                int count = page.rawRecordCount();
                if (count == 0 || (size != null && count < size)) {
                    return null;
                }
                long previous = page.token() == null || page.token().isNull() ? 0 : page.token().asLong();
                return Json.nodes().numberNode(previous + count);
            }

            @Override
            public @Nullable Integer pageSize() {
                return size;
            }
        };
    }
}

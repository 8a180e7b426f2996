package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: PageIncrement} — the token is a page number counting up from {@code start_from_page} (the first
 * request carries it only with {@code inject_on_first_request}); stops at a short or empty page.
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
        Integer size = PageSizes.evaluate(PageSizes.template(pageSize, BuildContext.parameters(parameters)),
                context.interpolation());
        return new PageIncrement(size, startFromPage == null ? 0 : startFromPage,
                Boolean.TRUE.equals(injectOnFirstRequest));
    }
}

package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: OffsetIncrement} — the token is the number of records read so far; stops at a short or empty
 * page (records counted as extracted, before filtering). {@code page_size} may be a template over
 * {@code config}, {@code parameters} and the page's {@code response}.
 * <pre>{@code pagination_strategy: {type: OffsetIncrement, page_size: 100, inject_on_first_request: true}}</pre>
 */
@JsonTypeName("OffsetIncrement")
public record OffsetIncrementSpec(
        @JsonProperty("page_size") @Nullable String pageSize,
        @JsonProperty("inject_on_first_request") @Nullable Boolean injectOnFirstRequest,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PaginationStrategySpec {

    @Override
    public PaginationStrategy build(BuildContext context) {
        return new OffsetIncrement(PageSizes.template(pageSize, BuildContext.parameters(parameters)),
                Boolean.TRUE.equals(injectOnFirstRequest), context.interpolation());
    }
}

package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.InterpolatedString;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CursorPagination} — the next token is {@code cursor_value}, rendered from the response, its
 * headers (with {@code headers.link} parsed from the Link header) and the last record; pagination stops when
 * {@code stop_condition} is true or the value renders empty.
 * <pre>{@code
 * pagination_strategy:
 *   type: CursorPagination
 *   cursor_value: "{{ response.meta.next_cursor }}"
 *   stop_condition: "{{ not response.meta.has_more }}"
 * }</pre>
 */
@JsonTypeName("CursorPagination")
public record CursorPaginationSpec(
        @JsonProperty(value = "cursor_value", required = true) String cursorValue,
        @JsonProperty("page_size") @Nullable String pageSize,
        @JsonProperty("stop_condition") @Nullable String stopCondition,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PaginationStrategySpec {

    public CursorPaginationSpec {
        java.util.Objects.requireNonNull(cursorValue, "cursor_value is required");
    }

    @Override
    public PaginationStrategy build(BuildContext context) {
        JsonNode params = BuildContext.parameters(parameters);
        InterpolatedString value = InterpolatedString.of(cursorValue, params);
        InterpolatedBoolean stop = stopCondition == null || stopCondition.isEmpty() ? null
                : InterpolatedBoolean.of(stopCondition, params);
        Integer size = PageSizes.evaluate(PageSizes.template(pageSize, params), context.interpolation());
        return new CursorPagination(value, stop, size, context.interpolation());
    }
}

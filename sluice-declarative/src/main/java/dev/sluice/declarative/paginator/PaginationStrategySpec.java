package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What {@code DefaultPaginator.pagination_strategy} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(CursorPaginationSpec.class),
        @JsonSubTypes.Type(OffsetIncrementSpec.class),
        @JsonSubTypes.Type(PageIncrementSpec.class),
        @JsonSubTypes.Type(CustomPaginationStrategySpec.class)})
public sealed interface PaginationStrategySpec permits CursorPaginationSpec, OffsetIncrementSpec, PageIncrementSpec, CustomPaginationStrategySpec {

    PaginationStrategy build(BuildContext context);
}

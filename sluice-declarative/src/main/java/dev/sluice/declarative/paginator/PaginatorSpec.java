package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What {@code SimpleRetriever.paginator} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(DefaultPaginatorSpec.class), @JsonSubTypes.Type(NoPaginationSpec.class)})
public sealed interface PaginatorSpec permits DefaultPaginatorSpec, NoPaginationSpec {

    Paginator build(BuildContext context);
}

package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: NoPagination} — one request per slice.
 * <pre>{@code paginator: {type: NoPagination}}</pre>
 */
@JsonTypeName("NoPagination")
public record NoPaginationSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PaginatorSpec {

    @Override
    public Paginator build(BuildContext context) {
        return Paginator.NONE;
    }
}

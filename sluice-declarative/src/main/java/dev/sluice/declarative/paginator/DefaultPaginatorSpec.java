package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.component.PageTokenOption;
import dev.sluice.declarative.component.PageTokenOptionSpec;
import dev.sluice.declarative.component.RequestOption;
import dev.sluice.declarative.component.RequestOptionSpec;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: DefaultPaginator} — requests pages until the strategy has no next token, injecting the token
 * ({@code page_token_option}) and the page size ({@code page_size_option}).
 * <pre>{@code
 * paginator:
 *   type: DefaultPaginator
 *   page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
 *   page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: per_page}
 *   pagination_strategy: {type: PageIncrement, page_size: 100, start_from_page: 1}
 * }</pre>
 */
@JsonTypeName("DefaultPaginator")
public record DefaultPaginatorSpec(
        @JsonProperty(value = "pagination_strategy", required = true) PaginationStrategySpec paginationStrategy,
        @JsonProperty("page_size_option") @Nullable RequestOptionSpec pageSizeOption,
        @JsonProperty("page_token_option") @Nullable PageTokenOptionSpec pageTokenOption,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PaginatorSpec {

    public DefaultPaginatorSpec {
        java.util.Objects.requireNonNull(paginationStrategy, "pagination_strategy is required");
    }

    @Override
    public Paginator build(BuildContext context) {
        PaginationStrategy strategy = paginationStrategy.build(context);
        RequestOption sizeOption = pageSizeOption == null ? null : pageSizeOption.build(context);
        if (sizeOption != null && (strategy.pageSize() == null || strategy.pageSize() == 0)) {
            throw new ManifestException("page_size_option cannot be set if the pagination strategy does not have a "
                    + "page_size");
        }
        PageTokenOption tokenOption = pageTokenOption == null ? null : pageTokenOption.build(context);
        if (sizeOption != null && tokenOption != null) {
            // The reference checks at build time that the two options cannot overwrite each other.
            tokenOption.inject(TextNode.valueOf("dummy_value_0"))
                    .plus(sizeOption.inject(TextNode.valueOf("dummy_value_1")));
        }
        return new DefaultPaginator(strategy, sizeOption, tokenOption, context.location(this));
    }
}

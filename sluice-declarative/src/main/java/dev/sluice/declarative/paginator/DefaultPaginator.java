package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.requester.RequestOption;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link DefaultPaginatorSpec}. */
final class DefaultPaginator implements Paginator {

    private final PaginationStrategy strategy;
    private final @Nullable RequestOption sizeOption;
    private final @Nullable RequestOption tokenOption;
    private final boolean tokenIsPath;

    DefaultPaginator(PaginationStrategy strategy, @Nullable RequestOption sizeOption,
            @Nullable RequestOption tokenOption, boolean tokenIsPath) {
        this.strategy = strategy;
        this.sizeOption = sizeOption;
        this.tokenOption = tokenOption;
        this.tokenIsPath = tokenIsPath;
    }

    @Override
    public @Nullable JsonNode initialToken() {
        return strategy.initialToken();
    }

    @Override
    public @Nullable JsonNode nextToken(Page page) {
        return strategy.nextToken(page);
    }

    @Override
    public RequestOptions requestOptions(@Nullable JsonNode token) {
        RequestOptions options = RequestOptions.NONE;
        Integer pageSize = strategy.pageSize();
        if (sizeOption != null && pageSize != null) {
            options = options.plus(sizeOption.inject(Json.nodes().numberNode(pageSize)));
        }
        if (tokenOption != null && token != null && !token.isNull()) {
            options = options.plus(tokenOption.inject(token));
        }
        return options;
    }

    @Override
    public @Nullable String path(@Nullable JsonNode token) {
        return tokenIsPath && token != null && !token.isNull() ? token.asText() : null;
    }
}

package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.PageTokenOption;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.RequestOption;
import dev.sluice.declarative.interpolation.KeyPaths;
import dev.sluice.declarative.manifest.SpecLocation;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link DefaultPaginatorSpec}. */
final class DefaultPaginator implements Paginator {

    private final PaginationStrategy strategy;
    private final @Nullable RequestOption sizeOption;
    private final @Nullable PageTokenOption tokenOption;
    private final SpecLocation location;

    /** @param location where the manifest declared this paginator, which its errors name */
    DefaultPaginator(PaginationStrategy strategy, @Nullable RequestOption sizeOption,
            @Nullable PageTokenOption tokenOption, SpecLocation location) {
        this.strategy = strategy;
        this.sizeOption = sizeOption;
        this.tokenOption = tokenOption;
        this.location = location;
    }

    @Override
    public @Nullable JsonNode initialToken() {
        return location.around(strategy::initialToken);
    }

    /** The strategy's token; a falsy one (0, empty) ends pagination, as the reference tests truthiness. */
    @Override
    public @Nullable JsonNode nextToken(Page page) {
        JsonNode token = location.around(() -> strategy.nextToken(page));
        return token == null || CursorPagination.isFalsy(token) ? null : token;
    }

    /** The token first, then the page size, in the order the reference builds its options. */
    @Override
    public RequestOptions requestOptions(@Nullable JsonNode token) {
        return location.around(() -> options(token));
    }

    private RequestOptions options(@Nullable JsonNode token) {
        RequestOptions options = RequestOptions.NONE;
        if (tokenOption != null && token != null && !token.isNull()) {
            options = options.plus(tokenOption.inject(token));
        }
        Integer pageSize = sizeOption == null ? null : strategy.pageSize();
        if (sizeOption != null && pageSize != null && pageSize != 0) {
            options = options.plus(sizeOption.inject(Json.nodes().numberNode(pageSize)));
        }
        return options;
    }

    @Override
    public KeyPaths responsePaths() {
        return strategy.responsePaths();
    }

    @Override
    public @Nullable String path(@Nullable JsonNode token) {
        return tokenOption == null || token == null ? null : tokenOption.path(token);
    }
}

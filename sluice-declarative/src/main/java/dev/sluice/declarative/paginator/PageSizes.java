package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import org.jspecify.annotations.Nullable;

/** {@code page_size}: an integer or a template over config, evaluated once when the strategy is built. */
final class PageSizes {

    private PageSizes() {
    }

    static @Nullable Integer evaluate(@Nullable String pageSize, BuildContext context, @Nullable JsonNode parameters) {
        if (pageSize == null || pageSize.isEmpty()) {
            return null;
        }
        JsonNode value = InterpolatedString.of(pageSize, BuildContext.parameters(
                parameters == null ? null : (com.fasterxml.jackson.databind.node.ObjectNode) parameters))
                .eval(context.interpolation());
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            return null;
        }
        try {
            return value.isNumber() ? value.intValue() : Integer.parseInt(value.asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("page_size must render to an integer, got '" + value.asText() + "'");
        }
    }
}

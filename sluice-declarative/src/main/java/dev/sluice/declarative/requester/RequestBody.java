package dev.sluice.declarative.requester;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.interpolation.InterpolatedMapping;
import dev.sluice.declarative.interpolation.InterpolatedNestedMapping;
import dev.sluice.declarative.interpolation.InterpolatedString;
import org.jspecify.annotations.Nullable;

/**
 * A request body's templates, compiled once: a JSON body (a mapping of templates, or one template rendering a
 * mapping), or form data (a mapping of templates) or raw text (one template). At most one kind is present.
 */
public record RequestBody(@Nullable InterpolatedNestedMapping jsonMap, @Nullable InterpolatedString jsonString,
        @Nullable InterpolatedMapping dataMap, @Nullable InterpolatedString dataString) {

    public static final RequestBody NONE = new RequestBody(null, null, null, null);

    /** A JSON body given as a mapping or as one template. */
    public static RequestBody json(@Nullable JsonNode body, JsonNode parameters) {
        return new RequestBody(isObject(body) ? InterpolatedNestedMapping.of(body, parameters) : null,
                isString(body) ? InterpolatedString.of(body.asText(), parameters, "") : null, null, null);
    }

    /** Form fields given as a mapping, or a raw text body given as one template. */
    public static RequestBody data(@Nullable JsonNode body, JsonNode parameters) {
        return new RequestBody(null, null, isObject(body) ? InterpolatedMapping.of(body, parameters) : null,
                isString(body) ? InterpolatedString.of(body.asText(), parameters, "") : null);
    }

    private static boolean isObject(@Nullable JsonNode node) {
        return node != null && node.isObject();
    }

    private static boolean isString(@Nullable JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isEmpty();
    }
}

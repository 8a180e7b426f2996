package dev.sluice.declarative.component;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/**
 * Where records are being selected: the slice, the page token and the interpolation context with
 * {@code config}, {@code stream_slice} (and aliases) and {@code next_page_token} already set. Built once per
 * page; per-record templates only add {@code record}.
 */
public record RecordContext(InterpolationContext interpolation, StreamSlice slice, @Nullable JsonNode nextPageToken) {

    public RecordContext {
        requireNonNull(interpolation, "interpolation is null");
        requireNonNull(slice, "slice is null");
    }

    public static RecordContext of(InterpolationContext base, StreamSlice slice, @Nullable JsonNode nextPageToken) {
        InterpolationContext context = base.with("stream_slice", slice.toInterpolationValue())
                .with("next_page_token", tokenValue(nextPageToken));
        return new RecordContext(context, slice, nextPageToken);
    }

    /** The reference's {@code next_page_token} variable: {@code {"next_page_token": v}}, or null. */
    public static @Nullable JsonNode tokenValue(@Nullable JsonNode token) {
        if (token == null || token.isNull()) {
            return null;
        }
        ObjectNode wrapped = Json.object();
        wrapped.set("next_page_token", token);
        return wrapped;
    }

    /** The context for one record. */
    public InterpolationContext forRecord(ObjectNode record) {
        return interpolation.with("record", record);
    }
}

package dev.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One stream of the configured catalog given to {@code read}: the stream plus the user's choices. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfiguredAirbyteStream(
        @JsonProperty("stream") AirbyteStream stream,
        @JsonProperty("sync_mode") SyncMode syncMode,
        @JsonProperty("destination_sync_mode") DestinationSyncMode destinationSyncMode,
        @JsonProperty("cursor_field") @Nullable List<String> cursorField,
        @JsonProperty("primary_key") @Nullable List<List<String>> primaryKey) {

    public ConfiguredAirbyteStream {
        requireNonNull(stream, "stream is required");
        requireNonNull(syncMode, "sync_mode is required");
        requireNonNull(destinationSyncMode, "destination_sync_mode is required");
        cursorField = cursorField == null ? null : List.copyOf(cursorField);
        primaryKey = primaryKey == null ? null : primaryKey.stream().map(List::copyOf).toList();
    }

    public String name() {
        return stream.name();
    }
}

package dev.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stream as {@code discover} describes it. Primary keys are lists of field paths ({@code [["id"]]});
 * cursor fields are one path ({@code ["updated_at"]}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AirbyteStream(
        @JsonProperty("name") String name,
        @JsonProperty("json_schema") ObjectNode jsonSchema,
        @JsonProperty("supported_sync_modes") List<SyncMode> supportedSyncModes,
        @JsonProperty("source_defined_cursor") @Nullable Boolean sourceDefinedCursor,
        @JsonProperty("default_cursor_field") @Nullable List<String> defaultCursorField,
        @JsonProperty("source_defined_primary_key") @Nullable List<List<String>> sourceDefinedPrimaryKey,
        @JsonProperty("namespace") @Nullable String namespace,
        @JsonProperty("is_resumable") @Nullable Boolean isResumable,
        @JsonProperty("is_file_based") @Nullable Boolean isFileBased) {

    public AirbyteStream {
        requireNonNull(name, "name is null");
        requireNonNull(jsonSchema, "json_schema is null");
        supportedSyncModes = List.copyOf(requireNonNull(supportedSyncModes, "supported_sync_modes is null"));
        defaultCursorField = defaultCursorField == null ? null : List.copyOf(defaultCursorField);
        sourceDefinedPrimaryKey = sourceDefinedPrimaryKey == null ? null
                : sourceDefinedPrimaryKey.stream().map(List::copyOf).toList();
    }

    public StreamDescriptor descriptor() {
        return new StreamDescriptor(name, namespace);
    }
}

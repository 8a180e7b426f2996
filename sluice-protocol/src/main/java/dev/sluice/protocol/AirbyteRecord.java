package dev.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * A RECORD: {@code {"stream": "users", "data": {...}, "emitted_at": 1716422400000}}.
 *
 * <p>{@code data} is not copied (records are the hot path); producers hand over a node they no longer
 * mutate. The writer drops top-level keys of {@code data} whose value is null, as the reference does. A record of a
 * file-transfer stream carries its file's {@link AirbyteRecordFileReference}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteRecord(
        @JsonProperty("stream") String stream,
        @JsonProperty("data") ObjectNode data,
        @JsonProperty("emitted_at") long emittedAt,
        @JsonProperty("namespace") @Nullable String namespace,
        @JsonProperty("file_reference") @Nullable AirbyteRecordFileReference fileReference)
        implements AirbyteMessage {

    public AirbyteRecord {
        requireNonNull(stream, "stream is null");
        requireNonNull(data, "data is null");
    }

    /** A record without a file. */
    public AirbyteRecord(String stream, ObjectNode data, long emittedAt, @Nullable String namespace) {
        this(stream, data, emittedAt, namespace, null);
    }

    public AirbyteRecord(String stream, ObjectNode data, long emittedAt) {
        this(stream, data, emittedAt, null, null);
    }

    @JsonIgnore
    @Override
    public Type messageType() {
        return Type.RECORD;
    }
}

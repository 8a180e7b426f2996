package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a stream is read: all of it, or only what changed since the last state. */
public enum SyncMode {
    @JsonProperty("full_refresh") FULL_REFRESH,
    @JsonProperty("incremental") INCREMENTAL
}

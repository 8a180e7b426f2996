package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the destination does with the records; sources only carry it through. */
public enum DestinationSyncMode {
    @JsonProperty("append") APPEND,
    @JsonProperty("overwrite") OVERWRITE,
    @JsonProperty("append_dedup") APPEND_DEDUP,
    @JsonProperty("update") UPDATE,
    @JsonProperty("soft_delete") SOFT_DELETE
}

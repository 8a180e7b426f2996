package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.manifest.NoAdditionalProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The manifest's top level ({@code type: DeclarativeSource}); unknown top-level keys are errors, as in the
 * reference.
 * <pre>{@code
 * version: "6.44.0"
 * type: DeclarativeSource
 * check: {type: CheckStream, stream_names: [users]}
 * streams: [...]
 * spec: {type: Spec, connection_specification: {...}}
 * }</pre>
 */
@JsonTypeName("DeclarativeSource")
@NoAdditionalProperties
public record DeclarativeSourceSpec(
        @JsonProperty("type") @Nullable String type,
        @JsonProperty(value = "version", required = true) String version,
        @JsonProperty(value = "check", required = true) CheckSpec check,
        @JsonProperty("streams") @Nullable List<StreamSpec> streams,
        @JsonProperty("dynamic_streams") @Nullable JsonNode dynamicStreams,
        @JsonProperty("definitions") @Nullable JsonNode definitions,
        @JsonProperty("schemas") @Nullable JsonNode schemas,
        @JsonProperty("spec") @Nullable SpecSpec spec,
        @JsonProperty("concurrency_level") @Nullable ConcurrencyLevelSpec concurrencyLevel,
        @JsonProperty("api_budget") @Nullable JsonNode apiBudget,
        @JsonProperty("stream_groups") @Nullable JsonNode streamGroups,
        @JsonProperty("max_concurrent_async_job_count") @Nullable String maxConcurrentAsyncJobCount,
        @JsonProperty("metadata") @Nullable JsonNode metadata,
        @JsonProperty("description") @Nullable String description) {

    public DeclarativeSourceSpec {
        java.util.Objects.requireNonNull(version, "version is required");
        java.util.Objects.requireNonNull(check, "check is required");
        streams = streams == null ? List.of() : List.copyOf(streams);
        boolean dynamic = dynamicStreams != null && dynamicStreams.isArray() && !dynamicStreams.isEmpty();
        if (streams.isEmpty() && !dynamic) {
            throw new IllegalArgumentException("a manifest needs streams or dynamic_streams");
        }
    }
}

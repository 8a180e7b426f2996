package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.budget.HttpApiBudgetSpec;
import dev.sluice.declarative.manifest.NoAdditionalProperties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        @JsonProperty("streams") @Nullable List<SourceStreamSpec> streams,
        @JsonProperty("dynamic_streams") @Nullable List<DynamicDeclarativeStreamSpec> dynamicStreams,
        @JsonProperty("definitions") @Nullable JsonNode definitions,
        @JsonProperty("schemas") @Nullable JsonNode schemas,
        @JsonProperty("spec") @Nullable SpecSpec spec,
        @JsonProperty("concurrency_level") @Nullable ConcurrencyLevelSpec concurrencyLevel,
        @JsonProperty("api_budget") @Nullable HttpApiBudgetSpec apiBudget,
        @JsonProperty("stream_groups") @Nullable Map<String, StreamGroupSpec> streamGroups,
        @JsonProperty("max_concurrent_async_job_count") @Nullable String maxConcurrentAsyncJobCount,
        @JsonProperty("metadata") @Nullable JsonNode metadata,
        @JsonProperty("description") @Nullable String description) {

    public DeclarativeSourceSpec {
        java.util.Objects.requireNonNull(version, "version is required");
        java.util.Objects.requireNonNull(check, "check is required");
        streams = streams == null ? List.of() : List.copyOf(streams);
        dynamicStreams = dynamicStreams == null ? List.of() : List.copyOf(dynamicStreams);
        if (streams.isEmpty() && dynamicStreams.isEmpty()) {
            throw new IllegalArgumentException("a manifest needs streams or dynamic_streams");
        }
        streamGroups = streamGroups == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(streamGroups));
        groupOfStream(streamGroups, declaredStreams(streams));
    }

    private static List<StreamSpec> declaredStreams(List<SourceStreamSpec> items) {
        List<StreamSpec> declared = new java.util.ArrayList<>();
        items.forEach(item -> declared.addAll(item.declared()));
        return declared;
    }

    /**
     * Each grouped stream's group. A group names streams of {@code streams} (it holds their definitions, usually
     * {@code $ref}s to them), each in one group only.
     */
    private static Map<String, String> groupOfStream(@Nullable Map<String, StreamGroupSpec> groups,
            List<StreamSpec> streams) {
        Map<String, String> groupOf = new LinkedHashMap<>();
        if (groups == null) {
            return groupOf;
        }
        Set<String> declared = new LinkedHashSet<>();
        streams.forEach(stream -> declared.add(stream.streamName()));
        for (Map.Entry<String, StreamGroupSpec> group : groups.entrySet()) {
            for (String name : group.getValue().names()) {
                if (!declared.contains(name)) {
                    throw new IllegalArgumentException("stream_groups." + group.getKey() + " holds the stream '" + name
                            + "', which is not one of the manifest's streams " + declared);
                }
                String other = groupOf.put(name, group.getKey());
                if (other != null && !other.equals(group.getKey())) {
                    throw new IllegalArgumentException("the stream '" + name + "' is in two stream groups, '" + other
                            + "' and '" + group.getKey() + "'");
                }
            }
        }
        return groupOf;
    }

    /**
     * The stream groups {@code stream} must hold while it is read, as the reference's concurrent read processor
     * blocks them: its own group, and the groups of the parent streams it reads (a child outside any group still
     * keeps its parents' groups from being read meanwhile).
     */
    public Set<String> exclusiveGroupsOf(StreamSpec stream) {
        Map<String, String> groupOf = groupOfStream(streamGroups, declaredStreams(streams));
        Set<String> groups = new LinkedHashSet<>();
        if (groupOf.containsKey(stream.streamName())) {
            groups.add(groupOf.get(stream.streamName()));
        }
        for (String ancestor : StreamGroupSpec.ancestorsOf(stream)) {
            if (groupOf.containsKey(ancestor)) {
                groups.add(groupOf.get(ancestor));
            }
        }
        return groups;
    }
}

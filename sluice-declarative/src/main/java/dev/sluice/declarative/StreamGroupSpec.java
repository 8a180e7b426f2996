package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.partition.ParentStreamSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: StreamGroup} — one of the manifest's {@code stream_groups}: streams that share a resource of the
 * API and are never read at the same time. A group may not hold a stream and one of its parent streams (reading
 * the child reads the parent: the reference refuses it as a deadlock).
 * <pre>{@code
 * stream_groups:
 *   reports:
 *     streams: [{$ref: "#/definitions/streams/daily"}, {$ref: "#/definitions/streams/monthly"}]
 *     action: {type: BlockSimultaneousSyncsAction}
 * }</pre>
 */
@JsonTypeName("StreamGroup")
public record StreamGroupSpec(
        @JsonProperty("type") @Nullable String type,
        @JsonProperty(value = "streams", required = true) List<StreamSpec> streams,
        @JsonProperty(value = "action", required = true) BlockSimultaneousSyncsActionSpec action) {

    public StreamGroupSpec {
        streams = List.copyOf(Objects.requireNonNull(streams, "streams is required"));
        Objects.requireNonNull(action, "action is required");
        Set<String> names = new LinkedHashSet<>();
        streams.forEach(stream -> names.add(stream.streamName()));
        for (StreamSpec stream : streams) {
            for (String ancestor : ancestorsOf(stream)) {
                if (names.contains(ancestor)) {
                    throw new IllegalArgumentException("Stream '" + stream.streamName() + "' and its parent stream '"
                            + ancestor + "' are both in this group. A child stream must not share a group with its "
                            + "parent to avoid deadlock.");
                }
            }
        }
    }

    /** The names of the group's streams. */
    public List<String> names() {
        return streams.stream().map(StreamSpec::streamName).toList();
    }

    /** The names of every stream {@code stream} reads its partitions from, its parents' parents included. */
    static Set<String> ancestorsOf(ParentStreamSpec stream) {
        Set<String> ancestors = new LinkedHashSet<>();
        List<ParentStreamSpec> pending = new ArrayList<>(stream.parentStreams());
        while (!pending.isEmpty()) {
            ParentStreamSpec parent = pending.remove(pending.size() - 1);
            if (ancestors.add(parent.streamName())) {
                pending.addAll(parent.parentStreams());
            }
        }
        return ancestors;
    }
}

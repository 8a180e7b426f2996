package dev.sluice.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.protocol.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ConditionalStreams} — {@code streams} that exist only when {@code condition} (a template over the
 * config) is true; they then take their place among the static streams. As in the reference, the condition is
 * evaluated without parameters.
 * <pre>{@code
 * streams:
 *   - type: ConditionalStreams
 *     condition: "{{ config['include_sandbox'] }}"
 *     streams:
 *       - {type: DeclarativeStream, name: sandbox_users, retriever: {...}}
 * }</pre>
 */
@JsonTypeName("ConditionalStreams")
public record ConditionalStreamsSpec(
        @JsonProperty(value = "condition", required = true) String condition,
        @JsonProperty(value = "streams", required = true) List<DeclarativeStreamSpec> streams,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements SourceStreamSpec {

    public ConditionalStreamsSpec {
        requireNonNull(condition, "condition is required");
        streams = List.copyOf(requireNonNull(streams, "streams is required"));
        InterpolatedBoolean.of(condition, Json.object());
    }

    @Override
    public List<StreamSpec> selected(BuildContext context) {
        boolean holds = InterpolatedBoolean.of(condition, Json.object()).eval(context.interpolation());
        return holds ? List.copyOf(streams) : List.of();
    }

    @Override
    public List<StreamSpec> declared() {
        return List.copyOf(streams);
    }
}

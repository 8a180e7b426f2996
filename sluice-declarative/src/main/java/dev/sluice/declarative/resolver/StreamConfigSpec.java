package dev.sluice.declarative.resolver;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: StreamConfig} — where a {@code ConfigComponentsResolver} finds its values in the config: the value
 * at {@code configs_pointer} (segments are templates over {@code config}; a list gives one value per element, any
 * other value, null included, one value; nothing there gives none), followed by the {@code default_values}.
 * <pre>{@code
 * stream_config:
 *   type: StreamConfig
 *   configs_pointer: [custom_reports]
 *   default_values: [{name: daily, granularity: DAY}]
 * }</pre>
 */
@JsonTypeName("StreamConfig")
public record StreamConfigSpec(
        @JsonProperty(value = "configs_pointer", required = true) List<String> configsPointer,
        @JsonProperty("default_values") @Nullable List<ObjectNode> defaultValues,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public StreamConfigSpec {
        configsPointer = List.copyOf(requireNonNull(configsPointer, "configs_pointer is required"));
        defaultValues = defaultValues == null ? List.of() : defaultValues.stream().map(ObjectNode::deepCopy).toList();
    }

    /** The values of this stream config for the context's config, in order. */
    List<JsonNode> values(BuildContext context) {
        JsonNode params = BuildContext.parameters(parameters);
        InterpolationContext interpolation = context.interpolation();
        List<String> pointer = configsPointer.stream()
                .map(segment -> InterpolatedString.of(segment, params).evalString(interpolation)).toList();
        ArrayNode none = Json.nodes().arrayNode();
        JsonNode found = pointer.isEmpty() ? none : DpathGlob.get(context.config().json(), pointer, none);
        List<JsonNode> values = new ArrayList<>();
        if (found.isArray()) {
            found.forEach(values::add);
        } else {
            values.add(found);
        }
        defaultValues.forEach(values::add);
        return values;
    }
}

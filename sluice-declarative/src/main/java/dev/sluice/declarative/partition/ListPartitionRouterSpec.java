package dev.sluice.declarative.partition;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.component.RequestOptionSpec;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ListPartitionRouter} — one partition {@code {<cursor_field>: value}} per value; {@code values} is a
 * list or a template rendering to one (a string renders to its characters, as Python iterates it).
 * <pre>{@code
 * partition_router:
 *   type: ListPartitionRouter
 *   cursor_field: section
 *   values: ["news", "sports"]
 *   request_option: {type: RequestOption, inject_into: request_parameter, field_name: section}
 * }</pre>
 */
@JsonTypeName("ListPartitionRouter")
public record ListPartitionRouterSpec(
        @JsonProperty(value = "cursor_field", required = true) String cursorField,
        @JsonProperty(value = "values", required = true) JsonNode values,
        @JsonProperty("request_option") @Nullable RequestOptionSpec requestOption,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PartitionRouterSpec {

    public ListPartitionRouterSpec {
        java.util.Objects.requireNonNull(cursorField, "cursor_field is required");
        java.util.Objects.requireNonNull(values, "values is required");
        if (!values.isTextual() && !values.isArray()) {
            throw new IllegalArgumentException("values must be a list or a template, found " + values.getNodeType());
        }
    }

    @Override
    public PartitionRouter build(BuildContext context, StreamState streamState) {
        JsonNode params = BuildContext.parameters(parameters);
        String field = InterpolatedString.of(cursorField, params).evalString(context.interpolation());
        return new ListPartitionRouter(field, evaluatedValues(context, params),
                requestOption == null ? null : requestOption.build(context));
    }

    private List<JsonNode> evaluatedValues(BuildContext context, JsonNode params) {
        JsonNode rendered = values.isTextual()
                ? InterpolatedString.of(values.asText(), params).eval(context.interpolation()) : values;
        List<JsonNode> result = new ArrayList<>();
        if (rendered != null && rendered.isArray()) {
            rendered.forEach(result::add);
        } else if (rendered != null && rendered.isTextual()) {
            rendered.asText().codePoints().forEach(c -> result.add(Json.nodes().textNode(Character.toString(c))));
        } else if (rendered != null && rendered.isObject()) {
            rendered.fieldNames().forEachRemaining(name -> result.add(Json.nodes().textNode(name)));
        } else {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "ListPartitionRouter values must render to a list, "
                    + "got " + (rendered == null ? "None" : rendered.toString()));
        }
        return result;
    }
}

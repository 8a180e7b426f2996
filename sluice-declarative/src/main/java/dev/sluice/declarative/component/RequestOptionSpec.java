package dev.sluice.declarative.component;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: RequestOption} — where another component's value goes: a query parameter, a header, a form field
 * or a JSON body key ({@code field_path} for a nested JSON key).
 * <pre>{@code page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: per_page}}</pre>
 */
@JsonTypeName("RequestOption")
public record RequestOptionSpec(
        @JsonProperty(value = "inject_into", required = true) InjectInto injectInto,
        @JsonProperty("field_name") @Nullable String fieldName,
        @JsonProperty("field_path") @Nullable List<String> fieldPath,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PageTokenOptionSpec {

    public RequestOptionSpec {
        java.util.Objects.requireNonNull(injectInto, "inject_into is required");
        fieldPath = fieldPath == null ? null : List.copyOf(fieldPath);
        boolean hasName = fieldName != null && !fieldName.isEmpty();
        boolean hasPath = fieldPath != null && !fieldPath.isEmpty();
        if (hasName == hasPath) {
            throw new IllegalArgumentException("give exactly one of field_name or field_path");
        }
        if (hasPath && injectInto != InjectInto.BODY_JSON) {
            throw new IllegalArgumentException("field_path is only allowed with inject_into: body_json");
        }
    }

    /** The option with its field name (or path) evaluated against config and parameters. */
    @Override
    public RequestOption build(BuildContext context) {
        return build(context.interpolation());
    }

    public RequestOption build(InterpolationContext interpolation) {
        JsonNode params = BuildContext.parameters(parameters);
        List<String> path = fieldPath != null ? fieldPath.stream()
                .map(part -> InterpolatedString.of(part, params).evalString(interpolation)).toList()
                : List.of(InterpolatedString.of(fieldName, params).evalString(interpolation));
        return new RequestOption(injectInto, path);
    }
}

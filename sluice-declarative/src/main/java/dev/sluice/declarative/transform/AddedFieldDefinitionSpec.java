package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: AddedFieldDefinition} — one field of {@code AddFields}: where ({@code path}) and what
 * ({@code value}, a template over {@code record}, {@code stream_slice} and {@code config}).
 * <pre>{@code - {path: ["full_name"], value: "{{ record.first }} {{ record.last }}"}}</pre>
 */
@JsonTypeName("AddedFieldDefinition")
public record AddedFieldDefinitionSpec(
        @JsonProperty(value = "path", required = true) List<String> path,
        @JsonProperty(value = "value", required = true) String value,
        @JsonProperty("value_type") @Nullable ValueType valueType,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public AddedFieldDefinitionSpec {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path must name at least one field");
        }
        java.util.Objects.requireNonNull(value, "value is required");
    }
}

package dev.sluice.declarative.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedMapping;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Objects;

/**
 * {@code type: ConfigRemapField} — replaces the config value at {@code field_path} by its entry in {@code map}
 * when it has one; otherwise (or when the path is missing) the config is unchanged. Path segments and the map's
 * keys and values are templates over {@code config}. A {@code map} given as a string is refused: the reference
 * accepts it in its schema but fails on it at run time.
 * <pre>{@code
 * - type: ConfigRemapField
 *   field_path: ["authorization", "auth_type"]
 *   map: {client_credentials: oauth2, api_key: key_auth}
 * }</pre>
 */
@JsonTypeName("ConfigRemapField")
public record ConfigRemapFieldSpec(
        @JsonProperty(value = "map", required = true) ObjectNode map,
        @JsonProperty(value = "field_path", required = true) List<String> fieldPath) implements ConfigTransformationSpec {

    public ConfigRemapFieldSpec {
        Objects.requireNonNull(map, "map is required");
        fieldPath = List.copyOf(fieldPath);
        if (fieldPath.isEmpty()) {
            throw new IllegalArgumentException("field_path cannot be empty");
        }
    }

    @Override
    public ConfigTransformation build(BuildContext context) {
        ObjectNode noParameters = Json.object();
        return new ConfigRemapField(
                fieldPath.stream().map(segment -> InterpolatedString.of(segment, noParameters)).toList(),
                InterpolatedMapping.of(map, noParameters));
    }
}

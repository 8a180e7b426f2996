package dev.sluice.declarative.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.transform.DpathGlob;
import dev.sluice.protocol.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ConfigRemoveFields} — removes the config fields at {@code field_pointers} (dpath globs; missing
 * paths are ignored), only when the optional {@code condition}, a template over {@code config}, holds.
 * <pre>{@code
 * - type: ConfigRemoveFields
 *   field_pointers: [["legacy_token"], ["credentials", "old_secret"]]
 *   condition: "{{ config.credentials.auth_type == 'oauth2' }}"
 * }</pre>
 */
@JsonTypeName("ConfigRemoveFields")
public record ConfigRemoveFieldsSpec(
        @JsonProperty(value = "field_pointers", required = true) List<List<String>> fieldPointers,
        @JsonProperty("condition") @Nullable String condition) implements ConfigTransformationSpec {

    public ConfigRemoveFieldsSpec {
        fieldPointers = fieldPointers.stream().map(List::copyOf).toList();
        fieldPointers.forEach(DpathGlob::of);
    }

    @Override
    public ConfigTransformation build(BuildContext context) {
        InterpolatedBoolean when = condition == null || condition.isEmpty() ? null
                : InterpolatedBoolean.of(condition, Json.object());
        return new ConfigRemoveFields(fieldPointers.stream().map(DpathGlob::of).toList(), when);
    }
}

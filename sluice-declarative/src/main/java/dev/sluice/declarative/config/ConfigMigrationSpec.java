package dev.sluice.declarative.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.component.BuildContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ConfigMigration} — one discrete migration of the user's config: its transformations run in order,
 * and a config they change is persisted (see {@link ConfigNormalizationRulesSpec}).
 * <pre>{@code
 * - type: ConfigMigration
 *   description: planet codes become names
 *   transformations:
 *     - {type: ConfigRemapField, field_path: ["planet"], map: {CRSC: Coruscant}}
 * }</pre>
 */
@JsonTypeName("ConfigMigration")
public record ConfigMigrationSpec(
        @JsonProperty("description") @Nullable String description,
        @JsonProperty(value = "transformations", required = true) List<ConfigTransformationSpec> transformations) {

    public ConfigMigrationSpec {
        transformations = List.copyOf(transformations);
    }

    List<ConfigTransformation> build(BuildContext context) {
        return transformations.stream().map(transformation -> transformation.build(context)).toList();
    }
}

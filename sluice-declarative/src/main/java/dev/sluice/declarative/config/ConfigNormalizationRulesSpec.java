package dev.sluice.declarative.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.manifest.NoAdditionalProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec.config_normalization_rules} ({@code type: ConfigNormalizationRules}) — what is done to the user's
 * config before {@code check}, {@code discover} and {@code read}, in the reference's order:
 * <ol>
 *   <li>{@code config_migrations}, in order; when they change the config, the migrated config is persisted (a
 *       CONTROL message of type CONNECTOR_CONFIG, and the {@code --config} file rewritten);</li>
 *   <li>{@code transformations}, in order, in memory only;</li>
 *   <li>{@code validations}, on the migrated and transformed config (not on a check's {@code config_overrides});
 *       a failure is a config error naming the rule.</li>
 * </ol>
 * <pre>{@code
 * config_normalization_rules:
 *   type: ConfigNormalizationRules
 *   config_migrations:
 *     - type: ConfigMigration
 *       transformations: [{type: ConfigRemapField, field_path: ["planet"], map: {CRSC: Coruscant}}]
 *   transformations:
 *     - type: ConfigAddFields
 *       fields: [{path: ["population"], value: "{{ config['planet'] }}"}]
 *   validations:
 *     - type: DpathValidator
 *       field_path: ["planet"]
 *       validation_strategy: {type: ValidateAdheresToSchema, base_schema: {type: string}}
 * }</pre>
 */
@JsonTypeName("ConfigNormalizationRules")
@NoAdditionalProperties
public record ConfigNormalizationRulesSpec(
        @JsonProperty("type") @Nullable String type,
        @JsonProperty("config_migrations") @Nullable List<ConfigMigrationSpec> configMigrations,
        @JsonProperty("transformations") @Nullable List<ConfigTransformationSpec> transformations,
        @JsonProperty("validations") @Nullable List<ConfigValidationSpec> validations) {

    public ConfigNormalizationRulesSpec {
        configMigrations = configMigrations == null ? List.of() : List.copyOf(configMigrations);
        transformations = transformations == null ? List.of() : List.copyOf(transformations);
        validations = validations == null ? List.of() : List.copyOf(validations);
    }

    public ConfigNormalization build(BuildContext context) {
        return new ConfigNormalization(
                configMigrations.stream().map(migration -> migration.build(context)).toList(),
                transformations.stream().map(transformation -> transformation.build(context)).toList(),
                validations.stream().map(validation -> validation.build(context)).toList());
    }
}

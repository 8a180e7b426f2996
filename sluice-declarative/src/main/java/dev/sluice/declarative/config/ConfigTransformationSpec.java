package dev.sluice.declarative.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What the items of {@code ConfigMigration.transformations} and {@code ConfigNormalizationRules.transformations} admit. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(ConfigRemapFieldSpec.class),
        @JsonSubTypes.Type(ConfigAddFieldsSpec.class),
        @JsonSubTypes.Type(ConfigRemoveFieldsSpec.class),
        @JsonSubTypes.Type(CustomConfigTransformationSpec.class)})
public sealed interface ConfigTransformationSpec permits ConfigRemapFieldSpec, ConfigAddFieldsSpec,
        ConfigRemoveFieldsSpec, CustomConfigTransformationSpec {

    ConfigTransformation build(BuildContext context);
}

package dev.sluice.declarative.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What the items of {@code ConfigNormalizationRules.validations} admit. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(DpathValidatorSpec.class),
        @JsonSubTypes.Type(PredicateValidatorSpec.class)})
public sealed interface ConfigValidationSpec permits DpathValidatorSpec, PredicateValidatorSpec {

    ConfigValidation build(BuildContext context);
}

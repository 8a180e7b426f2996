package dev.sluice.declarative.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What {@code validation_strategy} of {@code DpathValidator} and {@code PredicateValidator} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(ValidateAdheresToSchemaSpec.class),
        @JsonSubTypes.Type(CustomValidationStrategySpec.class)})
public sealed interface ValidationStrategySpec permits ValidateAdheresToSchemaSpec, CustomValidationStrategySpec {

    ValidationStrategy build(BuildContext context);
}

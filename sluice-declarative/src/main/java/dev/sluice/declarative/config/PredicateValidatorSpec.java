package dev.sluice.declarative.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.sluice.declarative.component.BuildContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: PredicateValidator} — {@code value} must pass {@code validation_strategy}. The value is taken as
 * written: the reference's factory hands the manifest's value to the strategy without rendering it, so a template
 * here is checked as its own text.
 * <pre>{@code
 * - type: PredicateValidator
 *   value: {"start_date": "2024-01-01"}
 *   validation_strategy: {type: ValidateAdheresToSchema, base_schema: {type: object}}
 * }</pre>
 */
@JsonTypeName("PredicateValidator")
public record PredicateValidatorSpec(
        @JsonProperty(value = "value", required = true) @Nullable JsonNode value,
        @JsonProperty(value = "validation_strategy", required = true) ValidationStrategySpec validationStrategy)
        implements ConfigValidationSpec {

    public PredicateValidatorSpec {
        value = value == null ? NullNode.getInstance() : value;
        Objects.requireNonNull(validationStrategy, "validation_strategy is required");
    }

    @Override
    public ConfigValidation build(BuildContext context) {
        ValidationStrategy strategy = validationStrategy.build(context);
        ValidationRule rule = new ValidationRule("PredicateValidator", context.location(this));
        JsonNode checked = Objects.requireNonNull(value).deepCopy();
        return config -> rule.check(strategy, checked);
    }
}

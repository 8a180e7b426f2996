package dev.sluice.declarative.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Objects;

/**
 * {@code type: DpathValidator} — the config value at {@code field_path} must pass {@code validation_strategy}; with
 * a {@code *} segment, every value the glob matches must. A missing value is not checked (the reference logs and
 * skips it). The path's templates are rendered with an empty {@code config}, as the reference renders them.
 * <pre>{@code
 * validations:
 *   - type: DpathValidator
 *     field_path: ["credentials"]
 *     validation_strategy:
 *       type: ValidateAdheresToSchema
 *       base_schema: {type: object, required: [auth_type]}
 * }</pre>
 */
@JsonTypeName("DpathValidator")
public record DpathValidatorSpec(
        @JsonProperty(value = "field_path", required = true) List<String> fieldPath,
        @JsonProperty(value = "validation_strategy", required = true) ValidationStrategySpec validationStrategy)
        implements ConfigValidationSpec {

    public DpathValidatorSpec {
        fieldPath = List.copyOf(fieldPath);
        if (fieldPath.isEmpty()) {
            throw new IllegalArgumentException("field_path is empty");
        }
        Objects.requireNonNull(validationStrategy, "validation_strategy is required");
    }

    @Override
    public ConfigValidation build(BuildContext context) {
        List<InterpolatedString> path = fieldPath.stream()
                .map(segment -> InterpolatedString.of(segment, Json.object())).toList();
        return new DpathValidator(path, validationStrategy.build(context),
                new ValidationRule("DpathValidator " + fieldPath, context.location(this)));
    }
}

package dev.sluice.declarative.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import java.util.Objects;

/**
 * {@code type: ValidateAdheresToSchema} — the value must adhere to the JSON schema {@code base_schema} (draft
 * 2020-12 unless its {@code $schema} names another; formats are not asserted). A string value is first read as
 * JSON. {@code base_schema} must be a mapping: the reference's schema also admits a string, which its validator
 * then rejects on every run, so Sluice refuses it when the manifest loads.
 * <pre>{@code
 * validation_strategy:
 *   type: ValidateAdheresToSchema
 *   base_schema: {type: object, required: [planet], properties: {planet: {type: string}}}
 * }</pre>
 */
@JsonTypeName("ValidateAdheresToSchema")
public record ValidateAdheresToSchemaSpec(
        @JsonProperty(value = "base_schema", required = true) ObjectNode baseSchema) implements ValidationStrategySpec {

    public ValidateAdheresToSchemaSpec {
        Objects.requireNonNull(baseSchema, "base_schema is required");
    }

    @Override
    public ValidationStrategy build(BuildContext context) {
        return ValidateAdheresToSchema.of(baseSchema);
    }
}

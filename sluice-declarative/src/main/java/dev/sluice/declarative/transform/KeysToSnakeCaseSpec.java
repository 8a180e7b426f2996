package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: KeysToSnakeCase} — rewrites every key, in nested objects too, to snake case: accents are
 * transliterated ({@code Café} → {@code cafe}), words split at case changes, digits and punctuation
 * ({@code 456Another123} → {@code _456_another_123}, {@code hello@world} → {@code hello_world}).
 * <pre>{@code transformations: [{type: KeysToSnakeCase}]}</pre>
 */
@JsonTypeName("KeysToSnakeCase")
public record KeysToSnakeCaseSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters)
        implements TransformationSpec {

    @Override
    public RecordTransformation build(BuildContext context) {
        return (record, recordContext) -> SnakeCase.keys(record);
    }
}

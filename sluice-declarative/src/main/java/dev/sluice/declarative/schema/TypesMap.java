package dev.sluice.declarative.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;

/**
 * Runtime of {@link TypesMapSpec}.
 *
 * @param currentType the API type it applies to, compared with JSON equality (a list only equals a list)
 */
record TypesMap(JsonNode currentType, FieldType targetType, InterpolatedBoolean condition) {

    TypesMap {
        requireNonNull(currentType, "currentType is null");
        requireNonNull(targetType, "targetType is null");
        requireNonNull(condition, "condition is null");
    }
}

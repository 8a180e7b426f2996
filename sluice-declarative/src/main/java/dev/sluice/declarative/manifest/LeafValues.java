package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Values the validator does not walk into (strings, numbers, booleans, enums, value classes with their
 * own creators) are checked by binding them with {@link ManifestBinder#MAPPER}, so that the validator
 * accepts exactly what the binder accepts.
 */
final class LeafValues {

    private LeafValues() {
    }

    /** The problem with binding {@code node} to {@code type}, or null when it binds. */
    static @Nullable String check(JsonNode node, Type type) {
        if (node.isTextual() && (type == String.class || type == Object.class)) {
            return null;
        }
        try {
            ManifestBinder.MAPPER.readerFor(ManifestBinder.MAPPER.constructType(type)).readValue(node);
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return problem(node, ComponentShapes.raw(type));
        }
    }

    /** Why {@code node} is not a {@code type}, in manifest words. */
    static String problem(JsonNode node, Class<?> type) {
        if (KindUnions.isUnion(type)) {
            return "expected " + KindUnions.shape(type).expected() + ", found " + JsonKinds.describe(node);
        }
        if (type.isEnum() && node.isValueNode()) {
            return "invalid value " + node + " (expected " + TypeNames.expected(enumValues(type)) + ")";
        }
        return "expected " + JsonKinds.expected(type) + ", found " + JsonKinds.describe(node);
    }

    private static List<String> enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(constant -> {
            try {
                JsonNode written = ManifestBinder.MAPPER.valueToTree(constant);
                return written.asText();
            } catch (IllegalArgumentException e) {
                return String.valueOf(constant);
            }
        }).toList();
    }
}

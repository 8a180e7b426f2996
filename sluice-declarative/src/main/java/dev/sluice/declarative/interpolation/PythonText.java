package dev.sluice.declarative.interpolation;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code str()} of an evaluated value, for callers that need text where the reference calls
 * {@code str(...)} on an interpolation result (URLs, header values, query parameters): {@code True}, {@code None},
 * {@code 1.0}, {@code ['a', 'b']}, {@code {'a': 1}}.
 */
public final class PythonText {

    private PythonText() {
    }

    /** {@code null} (no value) and JSON null both read as {@code None}. */
    public static String str(@Nullable JsonNode value) {
        return value == null ? "None" : PyText.str(Py.fromJson(value));
    }

    /** Python's truthiness of a JSON value is false: null, false, zero, the empty string, list or mapping. */
    public static boolean isFalsy(JsonNode value) {
        if (value.isTextual()) {
            return value.asText().isEmpty();
        }
        if (value.isBoolean()) {
            return !value.booleanValue();
        }
        if (value.isContainerNode()) {
            return value.isEmpty();
        }
        return value.isNull() || (value.isNumber() && value.doubleValue() == 0);
    }
}

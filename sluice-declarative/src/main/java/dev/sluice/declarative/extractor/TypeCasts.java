package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.protocol.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The reference's {@code TypeTransformer.default_convert}: one value cast to the one type its schema names, with
 * Python's {@code str()}, {@code float()}, {@code int()} and {@code bool()} (and {@code strtobool} for strings).
 * A value Python cannot cast is returned unchanged.
 */
final class TypeCasts {

    private static final Set<String> TRUE_WORDS = Set.of("y", "yes", "t", "true", "on", "1");
    private static final Set<String> FALSE_WORDS = Set.of("n", "no", "f", "false", "off", "0");
    private static final Set<String> SIMPLE_TYPES = Set.of("string", "number", "integer", "boolean", "null");
    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final Pattern PY_INT = Pattern.compile("[+-]?" + DIGITS);
    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?");

    private TypeCasts() {
    }

    static JsonNode convert(JsonNode value, JsonNode subSchema) {
        JsonNode type = subSchema.get("type");
        if (value.isNull() && mentionsNull(type)) {
            return value;
        }
        String target = singleType(type);
        if (target == null) {
            return value;
        }
        JsonNode cast = switch (target) {
            case "string" -> value.isTextual() ? value : Json.nodes().textNode(PythonText.str(value));
            case "number" -> toFloat(value);
            case "integer" -> toInt(value);
            case "boolean" -> toBoolean(value);
            case "array" -> wrapsScalar(subSchema, value) ? Json.nodes().arrayNode().add(value) : null;
            default -> null;
        };
        return cast == null ? value : cast;
    }

    /** Python's {@code "null" in type}: membership in a list, a substring test on a string. */
    private static boolean mentionsNull(@Nullable JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isTextual()) {
            return type.textValue().contains("null");
        }
        for (JsonNode element : type) {
            if (element.isTextual() && element.textValue().equals("null")) {
                return true;
            }
        }
        return false;
    }

    /** The schema's type when it names exactly one besides null; otherwise no cast happens. */
    static @Nullable String singleType(@Nullable JsonNode type) {
        if (type == null || type.isNull()) {
            return null;
        }
        if (type.isTextual()) {
            return type.textValue();
        }
        if (!type.isArray()) {
            return null;
        }
        String found = null;
        int count = 0;
        for (JsonNode element : type) {
            if (!(element.isTextual() && element.textValue().equals("null"))) {
                found = element.asText();
                count++;
            }
        }
        return count == 1 ? found : null;
    }

    private static @Nullable JsonNode toFloat(JsonNode value) {
        if (value.isBoolean()) {
            return Json.nodes().numberNode(value.booleanValue() ? 1.0 : 0.0);
        }
        if (value.isFloatingPointNumber()) {
            return null;
        }
        double result;
        if (value.isIntegralNumber()) {
            result = value.bigIntegerValue().doubleValue();
        } else if (value.isTextual() && PY_FLOAT.matcher(value.textValue().strip()).matches()) {
            result = Double.parseDouble(value.textValue().strip().replace("_", ""));
        } else {
            return null;
        }
        // NaN and infinities have no JSON form; the value stays as it was.
        return Double.isFinite(result) ? Json.nodes().numberNode(result) : null;
    }

    private static @Nullable JsonNode toInt(JsonNode value) {
        if (value.isBoolean()) {
            return Json.nodes().numberNode(value.booleanValue() ? 1 : 0);
        }
        if (value.isIntegralNumber()) {
            return null;
        }
        if (value.isFloatingPointNumber()) {
            double d = value.doubleValue();
            return Double.isFinite(d) ? Json.nodes().numberNode(new BigDecimal(d).toBigInteger()) : null;
        }
        if (value.isTextual() && PY_INT.matcher(value.textValue().strip()).matches()) {
            return Json.nodes().numberNode(new BigInteger(value.textValue().strip().replace("_", "")));
        }
        return null;
    }

    private static @Nullable JsonNode toBoolean(JsonNode value) {
        if (value.isBoolean()) {
            return null;
        }
        if (value.isTextual()) {
            String word = value.textValue().toLowerCase(Locale.ROOT).strip();
            if (TRUE_WORDS.contains(word)) {
                return Json.nodes().booleanNode(true);
            }
            return FALSE_WORDS.contains(word) ? Json.nodes().booleanNode(false) : null;
        }
        boolean truthy = value.isNumber() ? value.doubleValue() != 0
                : value.isContainerNode() ? !value.isEmpty() : !value.isNull();
        return Json.nodes().booleanNode(truthy);
    }

    /**
     * A scalar becomes a one-element list when every item type is a simple one. The reference builds that set
     * with Python's {@code set(items.type)}, so an items type written as one string is a set of characters and
     * never matches: only a list of types (or none) lets the scalar be wrapped.
     */
    private static boolean wrapsScalar(JsonNode subSchema, JsonNode value) {
        if (!(value.isValueNode())) {
            return false;
        }
        JsonNode items = subSchema.get("items");
        JsonNode itemType = items == null || !items.isObject() ? null : items.get("type");
        if (itemType == null) {
            return true;
        }
        if (itemType.isTextual()) {
            return itemType.textValue().isEmpty();
        }
        if (!itemType.isArray()) {
            return false;
        }
        for (JsonNode element : itemType) {
            if (!element.isTextual() || !SIMPLE_TYPES.contains(element.textValue())) {
                return false;
            }
        }
        return true;
    }
}

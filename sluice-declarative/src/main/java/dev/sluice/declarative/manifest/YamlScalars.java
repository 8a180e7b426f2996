package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types YAML scalars exactly as PyYAML's {@code SafeLoader} does (YAML 1.1 rules), because the
 * reference reads manifests with {@code yaml.safe_load}: {@code yes/no/on/off} are booleans,
 * {@code 0755} is octal, {@code 1:30} is 90, {@code 1e5} is a string (PyYAML floats need a dot) and
 * {@code 2021-01-01} is a date. Dates and timestamps stay the text as written, which is what the
 * reference ends up with once it serialises them.
 */
final class YamlScalars {

    private static final String TAG_PREFIX = "tag:yaml.org,2002:";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // The implicit resolvers of PyYAML's resolver.py, tried in its order; matched against the whole value.
    private static final Pattern BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(?:inf|Inf|INF)"
                    + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile(
            "[-+]?0b[0-1_]+"
                    + "|[-+]?0[0-7_]+"
                    + "|[-+]?(?:0|[1-9][0-9_]*)"
                    + "|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Set<String> BOOL_WORDS = Set.of("yes", "no", "true", "false", "on", "off");
    private YamlScalars() {
    }

    /**
     * The value of a plain (unquoted, untagged) scalar. Dates and timestamps fall through to text: PyYAML
     * makes them {@code date}/{@code datetime} objects, which the reference later writes back as text.
     */
    static JsonNode implicit(String value) {
        if (BOOL.matcher(value).matches()) {
            return NODES.booleanNode(bool(value));
        }
        if (FLOAT.matcher(value).matches()) {
            return NODES.numberNode(floating(value));
        }
        if (INT.matcher(value).matches()) {
            return integer(value);
        }
        if (NULL.matcher(value).matches()) {
            return NODES.nullNode();
        }
        return NODES.textNode(value);
    }

    /**
     * The value of a scalar with an explicit core tag ({@code !!int "12"}); other tags are refused, as
     * {@code safe_load} refuses them (binary and timestamps aside, which are kept as text).
     *
     * @throws IllegalArgumentException with the problem, when the tag is unknown or the text does not fit it
     */
    static JsonNode tagged(String tag, String value) {
        String name = tag.startsWith(TAG_PREFIX) ? tag.substring(TAG_PREFIX.length()) : tag;
        switch (name) {
            case "str":
            case "timestamp":
                return NODES.textNode(value);
            case "null":
                return NODES.nullNode();
            case "bool":
                if (!BOOL_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("'" + value + "' is not a YAML boolean");
                }
                return NODES.booleanNode(bool(value));
            case "int":
                return integer(value);
            case "float":
                return NODES.numberNode(floating(value));
            default:
                throw new IllegalArgumentException("unsupported YAML tag '" + tag + "'");
        }
    }

    private static boolean bool(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("yes") || lower.equals("true") || lower.equals("on");
    }

    private static JsonNode integer(String text) {
        String value = text.replace("_", "");
        try {
            int sign = value.startsWith("-") ? -1 : 1;
            if (value.startsWith("-") || value.startsWith("+")) {
                value = value.substring(1);
            }
            BigInteger number;
            if (value.equals("0")) {
                number = BigInteger.ZERO;
            } else if (value.startsWith("0b")) {
                number = new BigInteger(value.substring(2), 2);
            } else if (value.startsWith("0x")) {
                number = new BigInteger(value.substring(2), 16);
            } else if (value.startsWith("0")) {
                number = new BigInteger(value, 8);
            } else if (value.contains(":")) {
                number = BigInteger.ZERO;
                for (String part : value.split(":", -1)) {
                    number = number.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                }
            } else {
                number = new BigInteger(value);
            }
            return smallest(sign < 0 ? number.negate() : number);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + text + "' is not a YAML integer", e);
        }
    }

    private static JsonNode smallest(BigInteger number) {
        if (number.bitLength() < 32) {
            return NODES.numberNode(number.intValue());
        }
        if (number.bitLength() < 64) {
            return NODES.numberNode(number.longValue());
        }
        return NODES.numberNode(number);
    }

    private static double floating(String text) {
        String value = text.replace("_", "").toLowerCase(Locale.ROOT);
        try {
            double sign = value.startsWith("-") ? -1 : 1;
            if (value.startsWith("-") || value.startsWith("+")) {
                value = value.substring(1);
            }
            if (value.equals(".inf")) {
                return sign * Double.POSITIVE_INFINITY;
            }
            if (value.equals(".nan")) {
                return Double.NaN;
            }
            if (value.contains(":")) {
                double number = 0;
                for (String part : value.split(":", -1)) {
                    number = number * 60 + Double.parseDouble(part);
                }
                return sign * number;
            }
            return sign * Double.parseDouble(value);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + text + "' is not a YAML float", e);
        }
    }
}

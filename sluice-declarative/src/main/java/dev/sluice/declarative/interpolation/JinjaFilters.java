package dev.sluice.declarative.interpolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Jinja's built-in filters on single values (text, numbers, defaults, JSON, URLs). */
final class JinjaFilters {

    private static final Pattern WORD_BEGINNING = Pattern.compile("([-\\s({\\[<]+)");
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private JinjaFilters() {
    }

    static void register(Map<String, Filters.Filter> filters) {
        filters.put("abs", (value, args, frame) -> abs(value, args));
        filters.put("attr", (value, args, frame) -> attr(value, args.bind("attr", 1, "name")[0]));
        filters.put("capitalize", (value, args, frame) -> StrMethods.capitalize(text(value, args, "capitalize")));
        filters.put("center", (value, args, frame) -> {
            @Nullable Object[] bound = args.bind("center", 0, "width");
            return StrMethods.pad(PyText.str(value), "center", new Object[] {bound[0] == null ? 80L : bound[0], null});
        });
        Filters.Filter defaultFilter = (value, args, frame) -> {
            @Nullable Object[] bound = args.bind("default", 0, "default_value", "boolean");
            boolean useOnFalse = bound[1] != null && Py.truthy(bound[1]);
            if (value instanceof Undefined || useOnFalse && !Py.truthy(value)) {
                return bound[0] == null ? "" : bound[0];
            }
            return value;
        };
        filters.put("default", defaultFilter);
        filters.put("d", defaultFilter);
        Filters.Filter escape = (value, args, frame) -> escape(PyText.str(value));
        filters.put("escape", escape);
        filters.put("e", escape);
        filters.put("float", (value, args, frame) -> toFloat(value, args.bind("float", 0, "default")[0]));
        filters.put("format", (value, args, frame) -> format(value, args));
        filters.put("int", (value, args, frame) -> {
            @Nullable Object[] bound = args.bind("int", 0, "default", "base");
            return toInt(value, bound[0] == null ? 0L : bound[0], bound[1] == null ? 10 : (int) Py.toLong(bound[1]));
        });
        filters.put("lower", (value, args, frame) -> text(value, args, "lower").toLowerCase(Locale.ROOT));
        filters.put("upper", (value, args, frame) -> text(value, args, "upper").toUpperCase(Locale.ROOT));
        filters.put("replace", (value, args, frame) -> {
            @Nullable Object[] bound = args.bind("replace", 2, "old", "new", "count");
            Args call = new Args(List.of(PyText.str(bound[0]), PyText.str(bound[1]),
                    bound[2] == null || bound[2] == PyNone.NONE ? -1L : bound[2]), Map.of());
            return StrMethods.call(PyText.str(value), "replace", call);
        });
        filters.put("round", (value, args, frame) -> round(value, args));
        filters.put("safe", (value, args, frame) -> PyText.str(value));
        filters.put("title", (value, args, frame) -> title(text(value, args, "title")));
        filters.put("trim", (value, args, frame) ->
                StrMethods.strip(PyText.str(value), args.bind("trim", 0, "chars")[0], true, true));
        filters.put("tojson", (value, args, frame) -> {
            Object indent = args.bind("tojson", 0, "indent")[0];
            String json = JsonText.dumps(value, true, indent == null || indent == PyNone.NONE ? -1 : (int) Py.toLong(indent));
            return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027");
        });
        filters.put("urlencode", (value, args, frame) -> urlencode(value));
        filters.put("wordcount", (value, args, frame) -> {
            Matcher matcher = WORD.matcher(text(value, args, "wordcount"));
            long count = 0;
            while (matcher.find()) {
                count++;
            }
            return count;
        });
    }

    private static String text(Object value, Args args, String filter) {
        args.bind(filter, 0);
        return PyText.str(value);
    }

    private static Object abs(Object value, Args args) {
        args.bind("abs", 0);
        if (value instanceof Undefined) {
            throw ((Undefined) value).error();
        }
        if (!Py.isNumber(value)) {
            throw PyErrors.typeError("bad operand type for abs(): '" + Py.typeName(value) + "'");
        }
        return FloatFormat.isNegative(Py.toDouble(value)) ? PyArithmetic.negate(value) : PyArithmetic.positive(value);
    }

    /** Jinja's sandboxed {@code attr}: real attributes only (methods, date fields), never dict items. */
    private static Object attr(Object value, Object name) {
        String attribute = PyText.str(name);
        if (attribute.startsWith("_")) {
            return Undefined.missingAttribute(value, attribute);
        }
        if (value instanceof PyMapping) {
            return Methods.has(value, attribute) ? new Callables.BoundMethod(value, attribute)
                    : Undefined.missingAttribute(value, attribute);
        }
        return value instanceof Undefined ? value : Attributes.attribute(value, attribute);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;")
                .replace("\"", "&#34;");
    }

    /** Jinja's {@code int}: int(value), then int(float(value)), then the default; Undefined raises. */
    static Object toInt(Object value, Object defaultValue, int base) {
        if (value instanceof Undefined) {
            throw ((Undefined) value).error();
        }
        if (value instanceof String) {
            @Nullable Object parsed = PyNumbers.parseInt((String) value, base);
            if (parsed != null) {
                return parsed;
            }
            @Nullable Double asFloat = PyNumbers.parseFloat((String) value);
            if (asFloat != null && !asFloat.isNaN()) {
                return truncate(asFloat);
            }
            return defaultValue;
        }
        if (Py.isInt(value)) {
            return value instanceof Boolean ? (Object) Py.toLong(value) : value;
        }
        if (value instanceof Double) {
            return ((Double) value).isNaN() ? defaultValue : truncate((Double) value);
        }
        return defaultValue;
    }

    private static Object truncate(double value) {
        if (Double.isInfinite(value)) {
            throw PyErrors.valueError("OverflowError: cannot convert float infinity to integer");
        }
        return PyArithmetic.bigInt(new BigDecimal(value).toBigInteger());
    }

    static Object toFloat(Object value, @Nullable Object defaultValue) {
        if (value instanceof Undefined) {
            throw ((Undefined) value).error();
        }
        if (Py.isNumber(value)) {
            return Py.toDouble(value);
        }
        if (value instanceof String) {
            @Nullable Double parsed = PyNumbers.parseFloat((String) value);
            if (parsed != null) {
                return parsed;
            }
        }
        return defaultValue == null ? 0.0 : defaultValue;
    }

    private static Object format(Object value, Args args) {
        if (!args.positional().isEmpty() && !args.keywords().isEmpty()) {
            throw PyErrors.valueError("can't handle positional and keyword arguments at the same time");
        }
        Object operand;
        if (!args.keywords().isEmpty()) {
            List<Object> keys = new ArrayList<>(args.keywords().keySet());
            operand = PyDict.of(keys, new ArrayList<>(args.keywords().values()));
        } else {
            operand = new PyList(args.positional(), true);
        }
        return PercentFormat.format(PyText.str(value), operand);
    }

    /** {@code round(value, precision, method)}: Python's half-even rounding of the exact value, or ceil/floor. */
    private static Object round(Object value, Args args) {
        @Nullable Object[] bound = args.bind("round", 0, "precision", "method");
        // Beyond these bounds Python's result no longer changes (floats keep ~17 digits, ints at most 4,300).
        int precision = bound[0] == null ? 0 : (int) Math.max(-5_000, Math.min(400, Py.toLong(bound[0])));
        String method = bound[1] == null ? "common" : PyText.str(bound[1]);
        if (value instanceof Undefined) {
            throw ((Undefined) value).error();
        }
        if (!Py.isNumber(value)) {
            throw PyErrors.typeError("type " + Py.typeName(value) + " doesn't define __round__ method");
        }
        switch (method) {
            case "common":
                if (Py.isInt(value)) {
                    BigDecimal rounded = new BigDecimal(Py.toBigInteger(value)).setScale(Math.min(precision, 0),
                            RoundingMode.HALF_EVEN);
                    return PyArithmetic.bigInt(rounded.toBigInteger());
                }
                double d = (Double) value;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return d;
                }
                return new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).doubleValue();
            case "ceil":
            case "floor": {
                double scale = Math.pow(10, precision);
                double scaled = Py.toDouble(value) * scale;
                double whole = method.equals("ceil") ? Math.ceil(scaled) : Math.floor(scaled);
                return whole / scale;
            }
            default:
                throw PyErrors.valueError("method must be common, ceil or floor");
        }
    }

    /** Jinja's {@code title}: capitalise after dashes, spaces and opening brackets (not after apostrophes). */
    private static String title(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher matcher = WORD_BEGINNING.matcher(text);
        int start = 0;
        List<String> pieces = new ArrayList<>();
        while (matcher.find()) {
            pieces.add(text.substring(start, matcher.start()));
            pieces.add(matcher.group());
            start = matcher.end();
        }
        pieces.add(text.substring(start));
        for (String piece : pieces) {
            if (!piece.isEmpty()) {
                out.append(piece.substring(0, 1).toUpperCase(Locale.ROOT)).append(piece.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    /** Jinja's {@code urlencode}: a string is quoted keeping {@code /}; a dict or pairs become a query string. */
    private static String urlencode(Object value) {
        if (value instanceof String || !(value instanceof PySequence || value instanceof PyMapping
                || value instanceof LazySequence)) {
            return Urls.quote(PyText.str(value), "/");
        }
        List<Object> pairs = value instanceof PyMapping ? CollectionMethods.items((PyMapping) value) : Py.iterate(value);
        StringBuilder out = new StringBuilder();
        for (Object pair : pairs) {
            List<Object> items = Py.iterate(pair);
            if (items.size() != 2) {
                throw PyErrors.valueError("too many values to unpack (expected 2)");
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(Urls.quote(PyText.str(items.get(0)), "").replace("%20", "+")).append('=')
                    .append(Urls.quote(PyText.str(items.get(1)), "").replace("%20", "+"));
        }
        return out.toString();
    }
}

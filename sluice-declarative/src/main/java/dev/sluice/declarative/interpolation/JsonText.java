package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.datetime.PythonFloat;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code json.dumps}: {@code ", "}/{@code ": "} separators (or {@code ","} with an indent), ASCII-only
 * output, {@code NaN}/{@code Infinity}, keys coerced from int/float/bool/None, optional key sorting. Values Python
 * cannot serialise (datetimes, generators) raise its {@code TypeError}.
 */
final class JsonText {

    private final boolean sortKeys;
    private final int indent;
    private final StringBuilder out = new StringBuilder();

    private JsonText(boolean sortKeys, int indent) {
        this.sortKeys = sortKeys;
        this.indent = indent;
    }

    static String dumps(Object value, boolean sortKeys, int indent) {
        JsonText writer = new JsonText(sortKeys, indent);
        writer.write(value, 0);
        return writer.out.toString();
    }

    private void write(Object value, int level) {
        if (level > 1_000) {
            throw PyErrors.valueError("Circular reference detected");
        }
        Limits.checkString(out.length());
        if (value instanceof String) {
            string((String) value);
        } else if (value == PyNone.NONE) {
            out.append("null");
        } else if (value instanceof Boolean) {
            out.append((Boolean) value ? "true" : "false");
        } else if (value instanceof Double) {
            out.append(number((Double) value));
        } else if (Py.isInt(value)) {
            out.append(PyText.repr(value));
        } else if (value instanceof PySequence) {
            List<Object> items = ((PySequence) value).asList();
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(indent >= 0 ? "," : ", ");
                }
                newline(level + 1);
                write(items.get(i), level + 1);
            }
            if (!items.isEmpty()) {
                newline(level);
            }
            out.append(']');
        } else if (value instanceof PyMapping) {
            object((PyMapping) value, level);
        } else {
            throw PyErrors.typeError("Object of type " + Py.typeName(value).replace("datetime.", "")
                    + " is not JSON serializable");
        }
    }

    private void object(PyMapping mapping, int level) {
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Object key : mapping.keys()) {
            keys.add(key(key));
            values.add(mapping.get(key));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(i);
        }
        if (sortKeys) {
            order.sort((a, b) -> PyCompare.compareCodePoints(keys.get(a), keys.get(b)));
        }
        out.append('{');
        for (int n = 0; n < order.size(); n++) {
            int i = order.get(n);
            if (n > 0) {
                out.append(indent >= 0 ? "," : ", ");
            }
            newline(level + 1);
            string(keys.get(i));
            out.append(": ");
            write(values.get(i), level + 1);
        }
        if (!order.isEmpty()) {
            newline(level);
        }
        out.append('}');
    }

    private static String key(Object key) {
        if (key instanceof String) {
            return (String) key;
        }
        if (key instanceof Boolean) {
            return (Boolean) key ? "true" : "false";
        }
        if (key == PyNone.NONE) {
            return "null";
        }
        if (key instanceof Double) {
            return number((Double) key);
        }
        if (Py.isInt(key)) {
            return PyText.repr(key);
        }
        throw PyErrors.typeError("keys must be str, int, float, bool or None, not " + Py.typeName(key));
    }

    private void newline(int level) {
        if (indent >= 0) {
            Limits.checkString(out.length() + (long) indent * level);
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return PythonFloat.repr(value);
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}

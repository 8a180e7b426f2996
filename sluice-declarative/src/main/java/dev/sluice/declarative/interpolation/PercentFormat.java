package dev.sluice.declarative.interpolation;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Python's printf-style {@code str % args}: {@code %(name)s}, flags {@code #0- +}, {@code *} widths, all types. */
final class PercentFormat {

    private final String format;
    private final List<Object> positional;
    private final @Nullable PyMapping mapping;
    private int next;

    private PercentFormat(String format, List<Object> positional, @Nullable PyMapping mapping) {
        this.format = format;
        this.positional = positional;
        this.mapping = mapping;
    }

    static String format(String format, Object args) {
        List<Object> positional = args instanceof PySequence && ((PySequence) args).isTuple()
                ? ((PySequence) args).asList() : List.of(args);
        // CPython accepts any mapping-like right operand (dicts, but also lists) without "not all converted".
        boolean mappingLike = args instanceof PyMapping || Py.isList(args);
        PercentFormat state = new PercentFormat(format, positional, args instanceof PyMapping ? (PyMapping) args : null);
        String result = state.run();
        if (state.next < positional.size() && !mappingLike) {
            throw PyErrors.typeError("not all arguments converted during string formatting");
        }
        return result;
    }

    private String run() {
        StringBuilder out = new StringBuilder(format.length() + 16);
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            @Nullable Object value = null;
            if (i < format.length() && format.charAt(i) == '(') {
                int close = format.indexOf(')', i);
                if (close < 0) {
                    throw PyErrors.valueError("incomplete format key");
                }
                if (mapping == null) {
                    throw PyErrors.typeError("format requires a mapping");
                }
                String key = format.substring(i + 1, close);
                value = mapping.get(key);
                if (value == null) {
                    throw PyErrors.valueError("KeyError: " + PyText.repr(key));
                }
                i = close + 1;
            }
            String flags = "";
            while (i < format.length() && "#0- +".indexOf(format.charAt(i)) >= 0) {
                flags += format.charAt(i++);
            }
            int width = -1;
            if (i < format.length() && format.charAt(i) == '*') {
                width = starSize(nextArgument());
                i++;
            } else {
                int start = i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                width = i > start ? parseSize(format.substring(start, i)) : -1;
            }
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                if (i < format.length() && format.charAt(i) == '*') {
                    precision = Math.max(0, starSize(nextArgument()));
                    i++;
                } else {
                    int start = i;
                    while (i < format.length() && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    precision = i > start ? parseSize(format.substring(start, i)) : 0;
                }
            }
            while (i < format.length() && "hlL".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            if (i >= format.length()) {
                throw PyErrors.valueError("incomplete format");
            }
            char type = format.charAt(i++);
            if (type == '%') {
                out.append('%');
                continue;
            }
            Object argument = value != null ? value : nextArgument();
            String body = convert(type, argument, flags, precision, i - 1);
            out.append(pad(body, flags, width, "diouxXeEfFgG".indexOf(type) >= 0));
            Limits.checkString(out.length());
        }
        return out.toString();
    }

    private static int parseSize(String digits) {
        long size = Long.parseLong(digits.length() > 12 ? "999999999999" : digits);
        Limits.checkString(size);
        return (int) size;
    }

    /** A {@code *} width from the arguments; negative means left-justified in Python, treated as absent here. */
    private static int starSize(Object argument) {
        long size = Py.toLong(argument);
        Limits.checkString(Math.abs(size));
        return (int) size;
    }

    private Object nextArgument() {
        if (next >= positional.size()) {
            throw PyErrors.typeError("not enough arguments for format string");
        }
        return positional.get(next++);
    }

    private String convert(char type, Object argument, String flags, int precision, int index) {
        switch (type) {
            case 's':
            case 'r':
            case 'a': {
                String text = type == 's' ? PyText.str(argument) : PyText.repr(argument);
                return precision >= 0 && precision < text.length() ? text.substring(0, precision) : text;
            }
            case 'd':
            case 'i':
            case 'u':
                return signed(integer(argument, type, true), flags, precision, type);
            case 'o':
            case 'x':
            case 'X':
                return signed(integer(argument, type, false), flags, precision, type);
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                return floating(argument, type, flags, precision);
            case 'c':
                return character(argument);
            default:
                throw PyErrors.valueError(String.format("unsupported format character '%c' (0x%x) at index %d",
                        type, (int) type, index));
        }
    }

    private static BigInteger integer(Object argument, char type, boolean acceptFloat) {
        if (Py.isInt(argument)) {
            return Py.toBigInteger(argument);
        }
        if (acceptFloat && argument instanceof Double) {
            double d = (Double) argument;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw PyErrors.valueError("cannot convert float " + PyText.repr(argument) + " to integer");
            }
            return new java.math.BigDecimal(d).toBigInteger();
        }
        throw PyErrors.typeError("%" + type + " format: " + (acceptFloat ? "a real number" : "an integer")
                + " is required, not " + Py.typeName(argument));
    }

    private static String signed(BigInteger value, String flags, int precision, char type) {
        int radix = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
        String digits = value.abs().toString(radix);
        if (type == 'X') {
            digits = digits.toUpperCase(Locale.ROOT);
        }
        if (precision > digits.length()) {
            digits = "0".repeat(precision - digits.length()) + digits;
        }
        if (flags.contains("#") && radix != 10) {
            digits = (type == 'o' ? "0o" : type == 'x' ? "0x" : "0X") + digits;
        }
        return sign(value.signum() < 0, flags) + digits;
    }

    private static String floating(Object argument, char type, String flags, int precision) {
        if (!Py.isNumber(argument)) {
            throw PyErrors.typeError("must be real number, not " + Py.typeName(argument));
        }
        double value = Py.toDouble(argument);
        int p = precision < 0 ? 6 : precision;
        String special = FloatFormat.special(value, type);
        String body;
        if (special != null) {
            body = special;
        } else if (type == 'f' || type == 'F') {
            body = FloatFormat.fixed(value, p);
        } else if (type == 'e' || type == 'E') {
            body = FloatFormat.exponent(value, p, type == 'E');
        } else {
            body = FloatFormat.general(value, p, type == 'G', flags.contains("#"));
        }
        return sign(FloatFormat.isNegative(value) && !Double.isNaN(value), flags) + body;
    }

    private static String character(Object argument) {
        if (argument instanceof String && PyStrings.length((String) argument) == 1) {
            return (String) argument;
        }
        if (Py.isInt(argument)) {
            long cp = Py.toLong(argument);
            if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                throw PyErrors.valueError("%c arg not in range(0x110000)");
            }
            return new String(Character.toChars((int) cp));
        }
        throw PyErrors.typeError("%c requires int or char");
    }

    private static String sign(boolean negative, String flags) {
        if (negative) {
            return "-";
        }
        return flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
    }

    private static String pad(String body, String flags, int width, boolean numeric) {
        if (width <= body.length()) {
            return body;
        }
        int fill = width - body.length();
        if (flags.contains("-")) {
            return body + " ".repeat(fill);
        }
        if (flags.contains("0") && numeric && !body.matches("[-+ ]?(inf|nan|INF|NAN)")) {
            int signLength = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
            int prefixLength = signLength + (body.startsWith("0x", signLength) || body.startsWith("0X", signLength)
                    || body.startsWith("0o", signLength) ? 2 : 0);
            return body.substring(0, prefixLength) + "0".repeat(fill) + body.substring(prefixLength);
        }
        return " ".repeat(fill) + body;
    }
}

package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.datetime.Strftime;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's format-spec mini-language ({@code format(value, spec)}), as used by {@code str.format}. */
final class FormatSpec {

    private static final Pattern SPEC = Pattern.compile(
            "(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFgGnosxX%])?", Pattern.DOTALL);

    private FormatSpec() {
    }

    static String format(Object value, String spec) {
        if (value instanceof PythonDateTime) {
            return spec.isEmpty() ? PyText.str(value) : Strftime.format((PythonDateTime) value, spec);
        }
        if (value instanceof LocalDate) {
            return spec.isEmpty() ? PyText.str(value) : Strftime.format((LocalDate) value, spec);
        }
        if (spec.isEmpty()) {
            return PyText.str(value);
        }
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw PyErrors.valueError("Invalid format specifier '" + spec + "' for object of type '"
                    + Py.typeName(value) + "'");
        }
        boolean zeroPad = m.group(6) != null;
        char fill = m.group(1) != null ? m.group(1).charAt(0) : (zeroPad && m.group(2) == null ? '0' : ' ');
        char align = m.group(2) != null ? m.group(2).charAt(0) : (zeroPad ? '=' : 0);
        String sign = m.group(3) == null ? "-" : m.group(3);
        boolean alternate = m.group(5) != null;
        int width = m.group(7) == null ? 0 : size(m.group(7));
        String grouping = m.group(8);
        int precision = m.group(9) == null ? -1 : size(m.group(9));
        char type = m.group(10) == null ? 0 : m.group(10).charAt(0);
        String body;
        boolean numeric = true;
        if (value instanceof String) {
            if (type != 0 && type != 's') {
                throw PyErrors.valueError("Unknown format code '" + type + "' for object of type 'str'");
            }
            String text = (String) value;
            body = precision >= 0 && precision < text.length() ? text.substring(0, precision) : text;
            numeric = false;
        } else if (Py.isInt(value) && "eEfFgG%".indexOf(type) < 0) {
            body = formatInt(Py.toBigInteger(value), type, sign, alternate, grouping);
        } else if (Py.isNumber(value)) {
            body = formatFloat(Py.toDouble(value), type, sign, alternate, grouping, precision);
        } else {
            throw PyErrors.typeError("unsupported format string passed to " + Py.typeName(value) + ".__format__");
        }
        return align(body, fill, align == 0 ? (numeric ? '>' : '<') : align, width);
    }

    private static int size(String digits) {
        long size = Long.parseLong(digits.length() > 12 ? "999999999999" : digits);
        Limits.checkString(size);
        return (int) size;
    }

    private static String formatInt(BigInteger value, char type, String sign, boolean alternate, String grouping) {
        if (type == 'c') {
            if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(Character.MAX_CODE_POINT)) > 0) {
                throw PyErrors.valueError("%c arg not in range(0x110000)");
            }
            return new String(Character.toChars(value.intValue()));
        }
        int radix = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
        String digits = value.abs().toString(radix);
        if (type == 'X') {
            digits = digits.toUpperCase(Locale.ROOT);
        }
        if (grouping != null) {
            digits = group(digits, grouping, radix == 10 ? 3 : 4);
        }
        String prefix = alternate && radix != 10 ? "0" + (type == 'X' ? 'X' : type) : "";
        return signOf(value.signum() < 0, sign) + prefix + digits;
    }

    private static String formatFloat(double value, char type, String sign, boolean alternate, String grouping,
            int precision) {
        String special = FloatFormat.special(value, type == 0 ? 'g' : type);
        String digits;
        if (special != null) {
            digits = special;
        } else if (type == '%') {
            digits = FloatFormat.fixed(value * 100, precision < 0 ? 6 : precision) + "%";
        } else if (type == 'f' || type == 'F') {
            digits = FloatFormat.fixed(value, precision < 0 ? 6 : precision);
        } else if (type == 'e' || type == 'E') {
            digits = FloatFormat.exponent(value, precision < 0 ? 6 : precision, type == 'E');
        } else if (type == 0 && precision < 0) {
            digits = PyText.repr(Math.abs(value));
        } else {
            digits = FloatFormat.general(value, precision < 0 ? 6 : precision, type == 'G', alternate);
            if (type == 0 && !digits.contains(".") && !digits.contains("e")) {
                digits += ".0";
            }
        }
        if (grouping != null && special == null) {
            int end = digits.indexOf('.') >= 0 ? digits.indexOf('.') : digits.replaceAll("[eE%].*", "").length();
            digits = group(digits.substring(0, end), grouping, 3) + digits.substring(end);
        }
        return signOf(FloatFormat.isNegative(value) && !Double.isNaN(value), sign) + digits;
    }

    private static String group(String digits, String separator, int size) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % size == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static String signOf(boolean negative, String sign) {
        return negative ? "-" : sign.equals("-") ? "" : sign;
    }

    private static String align(String body, char fill, char align, int width) {
        int missing = width - PyStrings.length(body);
        if (missing <= 0) {
            return body;
        }
        String f = String.valueOf(fill);
        switch (align) {
            case '<':
                return body + f.repeat(missing);
            case '^':
                return f.repeat(missing / 2) + body + f.repeat(missing - missing / 2);
            case '=': {
                int signLength = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
                int prefix = signLength + (body.matches("^[-+ ]?0[xXbBoO].*") ? 2 : 0);
                return body.substring(0, prefix) + f.repeat(missing) + body.substring(prefix);
            }
            default:
                return f.repeat(missing) + body;
        }
    }
}

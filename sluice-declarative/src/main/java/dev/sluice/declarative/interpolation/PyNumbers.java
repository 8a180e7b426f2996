package dev.sluice.declarative.interpolation;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Python's {@code int(str, base)} and {@code float(str)} text grammars. */
final class PyNumbers {

    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?((\\d(_?\\d)*)(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)([eE][+-]?\\d(_?\\d)*)?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(inf|infinity|nan)");

    private PyNumbers() {
    }

    /**
     * Digit-only text that Jinja (attribute paths) and {@code str.format} (field names) read as an index; longer
     * strings could never index anything, and refusing them keeps {@code Long.parseLong} safe.
     */
    static boolean isIndex(String text) {
        return !text.isEmpty() && text.length() < 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** An int, or {@code null} when Python would raise ValueError. Base 0 reads the prefix, as Python does. */
    static @Nullable Object parseInt(String text, int base) {
        String s = text.strip();
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        int radix = base;
        String lower = s.toLowerCase(Locale.ROOT);
        int prefixRadix = lower.startsWith("0x") ? 16 : lower.startsWith("0o") ? 8 : lower.startsWith("0b") ? 2 : 0;
        if (prefixRadix != 0 && (base == 0 || base == prefixRadix)) {
            radix = prefixRadix;
            s = s.substring(2);
            if (s.startsWith("_")) {
                s = s.substring(1);
            }
        } else if (base == 0) {
            radix = 10;
            if (s.length() > 1 && s.replace("_", "").matches("0+[1-9].*")) {
                return null;
            }
        }
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__") || radix < 2 || radix > 36) {
            return null;
        }
        try {
            BigInteger value = new BigInteger(s.replace("_", ""), radix);
            return PyArithmetic.bigInt(negative ? value.negate() : value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static @Nullable Double parseFloat(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (SPECIAL.matcher(lower).matches()) {
            double magnitude = lower.contains("nan") ? Double.NaN : Double.POSITIVE_INFINITY;
            return lower.startsWith("-") ? -magnitude : magnitude;
        }
        if (!FLOAT.matcher(s).matches()) {
            return null;
        }
        return Double.parseDouble(s.replace("_", ""));
    }
}

package dev.sluice.declarative.interpolation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code f}, {@code e} and {@code g} float formatting, rounding the exact binary value half-even
 * ({@code '%.2f' % 2.675} is {@code 2.67}, unlike Java's {@code String.format}). Returns unsigned digits; callers
 * add the sign from {@link #isNegative}.
 */
final class FloatFormat {

    private FloatFormat() {
    }

    static boolean isNegative(double value) {
        return value < 0 || (value == 0 && 1 / value < 0);
    }

    /** {@code inf}/{@code nan} in the case of {@code type}, or {@code null} for finite values. */
    static @Nullable String special(double value, char type) {
        if (Double.isNaN(value)) {
            return Character.isUpperCase(type) ? "NAN" : "nan";
        }
        if (Double.isInfinite(value)) {
            return Character.isUpperCase(type) ? "INF" : "inf";
        }
        return null;
    }

    static String fixed(double magnitude, int precision) {
        Limits.checkString(precision);
        return new BigDecimal(Math.abs(magnitude)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String exponent(double magnitude, int precision, boolean upper) {
        Limits.checkString(precision);
        double abs = Math.abs(magnitude);
        String digits;
        int exponent;
        if (abs == 0) {
            digits = "0".repeat(precision + 1);
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(abs).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = rounded.precision() - rounded.scale() - 1;
            digits = (digits + "0".repeat(precision + 1)).substring(0, precision + 1);
        }
        StringBuilder out = new StringBuilder().append(digits.charAt(0));
        if (precision > 0) {
            out.append('.').append(digits, 1, precision + 1);
        }
        out.append(upper ? 'E' : 'e').append(exponent < 0 ? '-' : '+');
        int magnitudeOfExponent = Math.abs(exponent);
        if (magnitudeOfExponent < 10) {
            out.append('0');
        }
        return out.append(magnitudeOfExponent).toString();
    }

    /** {@code %g}: fixed or exponent by the rounded exponent, trailing zeros removed unless {@code alternate}. */
    static String general(double magnitude, int precision, boolean upper, boolean alternate) {
        int p = precision == 0 ? 1 : precision;
        double abs = Math.abs(magnitude);
        int exponent = 0;
        if (abs != 0) {
            BigDecimal rounded = new BigDecimal(abs).round(new MathContext(p, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - rounded.scale() - 1;
        }
        String text = exponent >= -4 && exponent < p ? fixed(abs, p - 1 - exponent) : exponent(abs, p - 1, upper);
        if (alternate) {
            return text.contains(".") || text.contains("e") || text.contains("E") ? text : text + ".";
        }
        int e = text.toLowerCase(Locale.ROOT).indexOf('e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        String suffix = e < 0 ? "" : text.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + suffix;
    }
}

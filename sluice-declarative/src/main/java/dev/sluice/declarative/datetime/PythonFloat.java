package dev.sluice.declarative.datetime;

import java.math.BigDecimal;

/**
 * Python's {@code repr()} of a float: the shortest digits that read back to the same double, in fixed notation
 * for decimal exponents -4..15 and scientific ({@code 1e+16}, {@code 1.5e-05}) otherwise. It lives here because
 * the {@code %s_as_float} epoch format needs it as much as template rendering does.
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal shortest = shortest(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int decimalPoint = digits.length() - shortest.scale();
        return sign + layout(digits, decimalPoint);
    }

    /** Java's {@code Double.toString} round-trips but before JDK 19 is not always shortest; trim while it still does. */
    private static BigDecimal shortest(double value) {
        BigDecimal current = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        while (current.precision() > 1) {
            int shorter = current.precision() - 1;
            BigDecimal down = current.round(new java.math.MathContext(shorter, java.math.RoundingMode.HALF_EVEN));
            if (down.doubleValue() != value) {
                break;
            }
            current = down.stripTrailingZeros();
        }
        return current;
    }

    private static String layout(String digits, int decimalPoint) {
        int length = digits.length();
        if (decimalPoint > 16 || decimalPoint <= -4) {
            StringBuilder text = new StringBuilder().append(digits.charAt(0));
            if (length > 1) {
                text.append('.').append(digits, 1, length);
            }
            int exponent = decimalPoint - 1;
            text.append(exponent < 0 ? "e-" : "e+");
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                text.append('0');
            }
            return text.append(magnitude).toString();
        }
        if (decimalPoint <= 0) {
            return "0." + "0".repeat(-decimalPoint) + digits;
        }
        if (decimalPoint >= length) {
            return digits + "0".repeat(decimalPoint - length) + ".0";
        }
        return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
    }
}

package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.datetime.Timedelta;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Python's arithmetic operators over the evaluator's values: arbitrary-size ints, floats, strings, dates. */
final class PyArithmetic {

    private PyArithmetic() {
    }

    static Object add(Object left, Object right) {
        checkDefined(left, right);
        if (Py.isNumber(left) && Py.isNumber(right)) {
            if (left instanceof Double || right instanceof Double) {
                return Py.toDouble(left) + Py.toDouble(right);
            }
            if (left instanceof Long && right instanceof Long) {
                long a = (Long) left;
                long b = (Long) right;
                long sum = a + b;
                if (((a ^ sum) & (b ^ sum)) >= 0) {
                    return sum;
                }
            }
            return bigInt(Py.toBigInteger(left).add(Py.toBigInteger(right)));
        }
        if (left instanceof String && right instanceof String) {
            return PyStrings.concat((String) left, (String) right);
        }
        if (left instanceof PySequence && right instanceof PySequence
                && ((PySequence) left).isTuple() == ((PySequence) right).isTuple()) {
            List<Object> items = new ArrayList<>(((PySequence) left).asList());
            Limits.checkSequence((long) items.size() + ((PySequence) right).size());
            items.addAll(((PySequence) right).asList());
            return new PyList(items, ((PySequence) left).isTuple());
        }
        Object dated = DateArithmetic.add(left, right);
        if (dated != null) {
            return dated;
        }
        if (left instanceof String || left instanceof PySequence) {
            throw PyErrors.typeError("can only concatenate " + Py.typeName(left) + " (not \"" + Py.typeName(right)
                    + "\") to " + Py.typeName(left));
        }
        throw PyErrors.unsupported("+", left, right);
    }

    static Object subtract(Object left, Object right) {
        checkDefined(left, right);
        if (Py.isNumber(left) && Py.isNumber(right)) {
            if (left instanceof Double || right instanceof Double) {
                return Py.toDouble(left) - Py.toDouble(right);
            }
            return bigInt(Py.toBigInteger(left).subtract(Py.toBigInteger(right)));
        }
        Object dated = DateArithmetic.subtract(left, right);
        if (dated != null) {
            return dated;
        }
        throw PyErrors.unsupported("-", left, right);
    }

    static Object multiply(Object left, Object right) {
        checkDefined(left, right);
        if (Py.isNumber(left) && Py.isNumber(right)) {
            if (left instanceof Double || right instanceof Double) {
                return Py.toDouble(left) * Py.toDouble(right);
            }
            return bigInt(Py.toBigInteger(left).multiply(Py.toBigInteger(right)));
        }
        if (Py.isInt(left) && !Py.isInt(right)) {
            return multiply(right, left);
        }
        if (left instanceof String && Py.isInt(right)) {
            return PyStrings.repeat((String) left, repeatCount(right));
        }
        if (left instanceof PySequence && Py.isInt(right)) {
            PySequence sequence = (PySequence) left;
            long times = Math.max(0, repeatCount(right));
            if (sequence.size() > 0 && times > Limits.MAX_SEQUENCE_LENGTH / sequence.size()) {
                Limits.checkSequence(Long.MAX_VALUE);
            }
            List<Object> items = new ArrayList<>();
            for (long i = 0; i < times; i++) {
                items.addAll(sequence.asList());
            }
            return new PyList(items, sequence.isTuple());
        }
        if (left instanceof Timedelta && Py.isNumber(right)) {
            return scale((Timedelta) left, exact(right));
        }
        if (Py.isNumber(left) && right instanceof Timedelta) {
            return multiply(right, left);
        }
        if ((left instanceof String || left instanceof PySequence) && right instanceof Double) {
            throw PyErrors.typeError("can't multiply sequence by non-int of type 'float'");
        }
        throw PyErrors.unsupported("*", left, right);
    }

    private static long repeatCount(Object count) {
        if (count instanceof BigInteger) {
            if (((BigInteger) count).signum() <= 0) {
                return 0;
            }
            throw PyErrors.limit("cannot repeat a sequence " + count + " times");
        }
        return Py.toLong(count);
    }

    static Object trueDivide(Object left, Object right) {
        checkDefined(left, right);
        if (Py.isNumber(left) && Py.isNumber(right)) {
            if (isZero(right)) {
                throw PyErrors.valueError(Py.isInt(left) && Py.isInt(right) ? "division by zero" : "float division by zero");
            }
            if (Py.isInt(left) && Py.isInt(right) && (left instanceof BigInteger || right instanceof BigInteger)) {
                return exact(left).divide(exact(right), MathContext.DECIMAL128).doubleValue();
            }
            return Py.toDouble(left) / Py.toDouble(right);
        }
        if (left instanceof Timedelta && right instanceof Timedelta) {
            if (((Timedelta) right).microseconds() == 0) {
                throw PyErrors.valueError("division by zero");
            }
            return (double) ((Timedelta) left).microseconds() / ((Timedelta) right).microseconds();
        }
        if (left instanceof Timedelta && Py.isNumber(right)) {
            if (isZero(right)) {
                throw PyErrors.valueError("division by zero");
            }
            return scale((Timedelta) left, BigDecimal.ONE.divide(exact(right), MathContext.DECIMAL128));
        }
        throw PyErrors.unsupported("/", left, right);
    }

    static Object floorDivide(Object left, Object right) {
        checkDefined(left, right);
        if (Py.isInt(left) && Py.isInt(right)) {
            if (isZero(right)) {
                throw PyErrors.valueError("integer division or modulo by zero");
            }
            BigInteger[] qr = Py.toBigInteger(left).divideAndRemainder(Py.toBigInteger(right));
            BigInteger quotient = qr[0];
            if (qr[1].signum() != 0 && qr[1].signum() != Py.toBigInteger(right).signum()) {
                quotient = quotient.subtract(BigInteger.ONE);
            }
            return bigInt(quotient);
        }
        if (Py.isNumber(left) && Py.isNumber(right)) {
            return floatDivMod(Py.toDouble(left), Py.toDouble(right), "float floor division by zero")[0];
        }
        if (left instanceof Timedelta && right instanceof Timedelta) {
            long divisor = ((Timedelta) right).microseconds();
            if (divisor == 0) {
                throw PyErrors.valueError("integer division or modulo by zero");
            }
            return Math.floorDiv(((Timedelta) left).microseconds(), divisor);
        }
        if (left instanceof Timedelta && Py.isInt(right)) {
            long divisor = Py.toLong(right);
            if (divisor == 0) {
                throw PyErrors.valueError("integer division or modulo by zero");
            }
            return new Timedelta(Math.floorDiv(((Timedelta) left).microseconds(), divisor));
        }
        throw PyErrors.unsupported("//", left, right);
    }

    static Object modulo(Object left, Object right) {
        checkDefined(left, right);
        if (left instanceof String) {
            return PercentFormat.format((String) left, right);
        }
        if (Py.isInt(left) && Py.isInt(right)) {
            if (isZero(right)) {
                throw PyErrors.valueError("integer modulo by zero");
            }
            BigInteger divisor = Py.toBigInteger(right);
            BigInteger remainder = Py.toBigInteger(left).mod(divisor.abs());
            if (divisor.signum() < 0 && remainder.signum() != 0) {
                remainder = remainder.add(divisor);
            }
            return bigInt(remainder);
        }
        if (Py.isNumber(left) && Py.isNumber(right)) {
            return floatDivMod(Py.toDouble(left), Py.toDouble(right), "float modulo")[1];
        }
        if (left instanceof Timedelta && right instanceof Timedelta) {
            long divisor = ((Timedelta) right).microseconds();
            if (divisor == 0) {
                throw PyErrors.valueError("integer division or modulo by zero");
            }
            return new Timedelta(Math.floorMod(((Timedelta) left).microseconds(), divisor));
        }
        throw PyErrors.unsupported("%", left, right);
    }

    /** CPython's {@code float_divmod}: fmod, then sign correction, then a rounding guard on the quotient. */
    private static double[] floatDivMod(double x, double y, String zeroMessage) {
        if (y == 0) {
            throw PyErrors.valueError(zeroMessage);
        }
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0) {
            if ((y < 0) != (mod < 0)) {
                mod += y;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, y);
        }
        double floorDiv;
        if (div != 0) {
            floorDiv = Math.floor(div);
            if (div - floorDiv > 0.5) {
                floorDiv += 1.0;
            }
        } else {
            floorDiv = Math.copySign(0.0, x / y);
        }
        return new double[] {floorDiv, mod};
    }

    static Object power(Object left, Object right) {
        checkDefined(left, right);
        if (!Py.isNumber(left) || !Py.isNumber(right)) {
            throw PyErrors.unsupported("** or pow()", left, right);
        }
        if (Py.isInt(left) && Py.isInt(right) && Py.toBigInteger(right).signum() >= 0) {
            BigInteger base = Py.toBigInteger(left);
            BigInteger exponent = Py.toBigInteger(right);
            if (base.abs().compareTo(BigInteger.ONE) <= 0) {
                return bigInt(base.pow(exponent.testBit(0) ? 1 : (exponent.signum() == 0 ? 0 : 2)));
            }
            if (exponent.bitLength() > 31 || (long) base.bitLength() * exponent.intValue() > Limits.MAX_INT_BITS + 64) {
                throw PyErrors.limit("the result of " + left + " ** " + right + " has more than 4300 digits");
            }
            return bigInt(base.pow(exponent.intValue()));
        }
        double base = Py.toDouble(left);
        double exponent = Py.toDouble(right);
        if (base == 0 && exponent < 0) {
            throw PyErrors.valueError("0.0 cannot be raised to a negative power");
        }
        if (base < 0 && exponent != Math.rint(exponent)) {
            throw PyErrors.valueError("a negative number raised to a fractional power is complex, which templates do not support");
        }
        double result = Math.pow(base, exponent);
        if (Double.isInfinite(result) && !Double.isInfinite(base) && !Double.isInfinite(exponent)) {
            throw PyErrors.valueError("(34, 'Numerical result out of range')");
        }
        return result;
    }

    static Object negate(Object value) {
        if (value instanceof Undefined) {
            throw ((Undefined) value).error();
        }
        if (value instanceof Double) {
            return -(Double) value;
        }
        if (Py.isInt(value)) {
            return bigInt(Py.toBigInteger(value).negate());
        }
        if (value instanceof Timedelta) {
            return ((Timedelta) value).negate();
        }
        if (value instanceof IsoDuration) {
            return ((IsoDuration) value).negate();
        }
        throw PyErrors.typeError("bad operand type for unary -: '" + Py.typeName(value) + "'");
    }

    static Object positive(Object value) {
        if (value instanceof Undefined) {
            throw ((Undefined) value).error();
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1L : 0L;
        }
        if (Py.isNumber(value) || value instanceof Timedelta || value instanceof IsoDuration) {
            return value;
        }
        throw PyErrors.typeError("bad operand type for unary +: '" + Py.typeName(value) + "'");
    }

    /** Normalises an int result and enforces the size cap. */
    static Object bigInt(BigInteger value) {
        if (value.bitLength() > Limits.MAX_INT_BITS) {
            throw PyErrors.limit("an int result has more than 4300 digits");
        }
        return Py.normalize(value);
    }

    private static Timedelta scale(Timedelta value, BigDecimal factor) {
        BigDecimal micros = BigDecimal.valueOf(value.microseconds()).multiply(factor);
        try {
            return new Timedelta(micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        } catch (ArithmeticException e) {
            throw PyErrors.valueError("date value out of range");
        }
    }

    private static BigDecimal exact(Object number) {
        if (number instanceof Double) {
            double d = (Double) number;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw PyErrors.valueError("cannot convert float " + PyText.repr(number) + " to integer");
            }
            return new BigDecimal(d);
        }
        return new BigDecimal(Py.toBigInteger(number));
    }

    private static boolean isZero(Object number) {
        return number instanceof Double ? (Double) number == 0.0 : Py.toBigInteger(number).signum() == 0;
    }

    private static void checkDefined(Object left, Object right) {
        if (left instanceof Undefined) {
            throw ((Undefined) left).error();
        }
        if (right instanceof Undefined) {
            throw ((Undefined) right).error();
        }
    }
}

package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.datetime.Timedelta;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Python's {@code ==}, ordering and {@code in}. */
final class PyCompare {

    private PyCompare() {
    }

    static boolean equal(Object left, Object right) {
        if (left == right) {
            return true;
        }
        if (Py.isNumber(left) && Py.isNumber(right)) {
            Integer order = compareNumbers(left, right);
            return order != null && order == 0;
        }
        if (left instanceof PySequence && right instanceof PySequence) {
            PySequence a = (PySequence) left;
            PySequence b = (PySequence) right;
            if (a.isTuple() != b.isTuple() || a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof PyMapping && right instanceof PyMapping) {
            return equalMappings((PyMapping) left, (PyMapping) right);
        }
        if (left instanceof PythonDateTime && right instanceof PythonDateTime) {
            PythonDateTime a = (PythonDateTime) left;
            PythonDateTime b = (PythonDateTime) right;
            return a.isAware() == b.isAware() && a.compareTo(b) == 0;
        }
        if (left instanceof IsoDuration && right instanceof Timedelta) {
            return ((IsoDuration) left).isTimedelta() && ((IsoDuration) left).time().equals(right);
        }
        if (left instanceof Timedelta && right instanceof IsoDuration) {
            return equal(right, left);
        }
        if (left instanceof Undefined || right instanceof Undefined) {
            return left instanceof Undefined && right instanceof Undefined;
        }
        if (left instanceof LazySequence || right instanceof LazySequence) {
            return false;
        }
        return left.equals(right);
    }

    private static boolean equalMappings(PyMapping a, PyMapping b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Object key : a.keys()) {
            @Nullable Object other = Py.isHashable(key) ? b.get(key) : null;
            @Nullable Object mine = a.get(key);
            if (other == null || mine == null || !equal(mine, other)) {
                return false;
            }
        }
        return true;
    }

    /** {@code <}, {@code <=}, {@code >}, {@code >=}; NaN compares false, mismatched types raise TypeError. */
    static boolean ordered(String operator, Object left, Object right) {
        if (left instanceof Undefined) {
            throw ((Undefined) left).error();
        }
        if (right instanceof Undefined) {
            throw ((Undefined) right).error();
        }
        @Nullable Integer order = order(operator, left, right);
        if (order == null) {
            return false;
        }
        switch (operator) {
            case "<": return order < 0;
            case "<=": return order <= 0;
            case ">": return order > 0;
            default: return order >= 0;
        }
    }

    /** The sign of left - right, or {@code null} when unordered (NaN). */
    static @Nullable Integer order(String operator, Object left, Object right) {
        if (Py.isNumber(left) && Py.isNumber(right)) {
            return compareNumbers(left, right);
        }
        if (left instanceof String && right instanceof String) {
            return Integer.signum(compareCodePoints((String) left, (String) right));
        }
        if (left instanceof PySequence && right instanceof PySequence
                && ((PySequence) left).isTuple() == ((PySequence) right).isTuple()) {
            return compareSequences(operator, ((PySequence) left).asList(), ((PySequence) right).asList());
        }
        if (left instanceof PythonDateTime && right instanceof PythonDateTime) {
            PythonDateTime a = (PythonDateTime) left;
            PythonDateTime b = (PythonDateTime) right;
            if (a.isAware() != b.isAware()) {
                throw PyErrors.typeError("can't compare offset-naive and offset-aware datetimes");
            }
            return Integer.signum(a.compareTo(b));
        }
        if (left instanceof LocalDate && right instanceof LocalDate) {
            return Integer.signum(((LocalDate) left).compareTo((LocalDate) right));
        }
        if (left instanceof Timedelta && right instanceof Timedelta) {
            return Integer.signum(((Timedelta) left).compareTo((Timedelta) right));
        }
        throw PyErrors.typeError("'" + operator + "' not supported between instances of '" + Py.typeName(left)
                + "' and '" + Py.typeName(right) + "'");
    }

    private static @Nullable Integer compareSequences(String operator, List<Object> a, List<Object> b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            if (!equal(a.get(i), b.get(i))) {
                return order(operator, a.get(i), b.get(i));
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static int compareCodePoints(String a, String b) {
        if (PyStrings.isBmp(a) && PyStrings.isBmp(b)) {
            return a.compareTo(b);
        }
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    static @Nullable Integer compareNumbers(Object left, Object right) {
        if (left instanceof Double || right instanceof Double) {
            if (left instanceof BigInteger || right instanceof BigInteger) {
                return compareExactly(left, right);
            }
            double a = Py.toDouble(left);
            double b = Py.toDouble(right);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return null;
            }
            return a < b ? -1 : (a > b ? 1 : 0);
        }
        if (left instanceof BigInteger || right instanceof BigInteger) {
            return Py.toBigInteger(left).compareTo(Py.toBigInteger(right));
        }
        return Long.compare(Py.toLong(left), Py.toLong(right));
    }

    private static @Nullable Integer compareExactly(Object left, Object right) {
        if (left instanceof Double && (((Double) left).isNaN() || ((Double) left).isInfinite())
                || right instanceof Double && (((Double) right).isNaN() || ((Double) right).isInfinite())) {
            double a = left instanceof Double ? (Double) left : 0;
            double b = right instanceof Double ? (Double) right : 0;
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return null;
            }
            return left instanceof Double ? (a > 0 ? 1 : -1) : (b > 0 ? -1 : 1);
        }
        return exact(left).compareTo(exact(right));
    }

    private static BigDecimal exact(Object number) {
        return number instanceof Double ? new BigDecimal((Double) number) : new BigDecimal(Py.toBigInteger(number));
    }

    /** Python's {@code item in container}. */
    static boolean contains(Object container, Object item) {
        if (container instanceof String) {
            if (!(item instanceof String)) {
                throw PyErrors.typeError("'in <string>' requires string as left operand, not " + Py.typeName(item));
            }
            return ((String) container).contains((String) item);
        }
        if (container instanceof PyMapping) {
            if (!Py.isHashable(item)) {
                throw PyErrors.typeError("unhashable type: '" + Py.typeName(item) + "'");
            }
            return ((PyMapping) container).get(item) != null;
        }
        if (container instanceof PySequence || container instanceof LazySequence || container instanceof Undefined) {
            for (Object candidate : Py.iterate(container)) {
                if (equal(candidate, item)) {
                    return true;
                }
            }
            return false;
        }
        throw PyErrors.typeError("argument of type '" + Py.typeName(container) + "' is not iterable");
    }
}

package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.datetime.Timedelta;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Jinja's sandboxed {@code getattr} and {@code getitem}. {@code a.b} finds a method of {@code a}'s Python type
 * first, then the item {@code b}; {@code a['b']} finds the item first, then the attribute. Anything missing is
 * {@link Undefined}. Only data is reachable: JSON values, the fields of dates and allow-listed methods.
 */
final class Attributes {

    private Attributes() {
    }

    /** Attribute names are checked when templates compile; {@code str.format} fields are checked here too. */
    static String checkedName(String name) {
        if (name.startsWith("_")) {
            throw PyErrors.syntax("access to attribute '" + name + "' is not allowed: names starting with '_' are"
                    + " private (use item access such as x['" + name + "'] for a data key)");
        }
        return name;
    }

    static Object attribute(Object owner, String name) {
        if (owner instanceof Undefined) {
            throw ((Undefined) owner).error();
        }
        if (Methods.has(owner, name)) {
            return new Callables.BoundMethod(owner, name);
        }
        if (owner instanceof PyMapping) {
            Object value = ((PyMapping) owner).get(name);
            return value != null ? value : Undefined.missingAttribute(owner, name);
        }
        if (owner instanceof LoopState) {
            return ((LoopState) owner).attribute(name);
        }
        if (owner instanceof PythonDateTime) {
            return dateTimeField((PythonDateTime) owner, name);
        }
        if (owner instanceof LocalDate) {
            return dateField((LocalDate) owner, name);
        }
        if (owner instanceof Timedelta) {
            return timedeltaField((Timedelta) owner, name);
        }
        return Undefined.missingAttribute(owner, name);
    }

    static Object item(Object owner, Object key) {
        if (owner instanceof Undefined) {
            throw ((Undefined) owner).error();
        }
        if (owner instanceof PyMapping) {
            if (Py.isHashable(key)) {
                Object value = ((PyMapping) owner).get(key);
                if (value != null) {
                    return value;
                }
            }
        } else if (owner instanceof PySequence && Py.isInt(key) && !(key instanceof BigInteger)) {
            PySequence sequence = (PySequence) owner;
            long index = Py.toLong(key);
            long position = index < 0 ? index + sequence.size() : index;
            if (position >= 0 && position < sequence.size()) {
                return sequence.get((int) position);
            }
        } else if (owner instanceof String && Py.isInt(key) && !(key instanceof BigInteger)) {
            String character = PyStrings.charAt((String) owner, Py.toLong(key));
            if (character != null) {
                return character;
            }
        }
        if (key instanceof String) {
            // Jinja falls back to the attribute, except for the names its sandbox calls unsafe.
            String name = (String) key;
            return name.startsWith("_") ? Undefined.missingAttribute(owner, name) : attribute(owner, name);
        }
        return Undefined.missingItem(owner, key);
    }

    /** Python slicing of strings, lists and tuples; anything else is Undefined, as Jinja's getitem makes it. */
    static Object slice(Object owner, Object start, Object stop, Object step) {
        if (owner instanceof Undefined) {
            throw ((Undefined) owner).error();
        }
        if (!(owner instanceof String || owner instanceof PySequence)) {
            return new Undefined(Py.ownerDescription(owner) + " is not subscriptable");
        }
        for (Object bound : List.of(start, stop, step)) {
            if (bound != PyNone.NONE && !Py.isInt(bound)) {
                return new Undefined("slice indices must be integers or None");
            }
        }
        long length = owner instanceof String ? PyStrings.length((String) owner) : ((PySequence) owner).size();
        List<Integer> indexes = indexes(length, start, stop, step);
        if (owner instanceof String) {
            return PyStrings.slice((String) owner, indexes);
        }
        PySequence sequence = (PySequence) owner;
        List<Object> items = new ArrayList<>(indexes.size());
        for (int index : indexes) {
            items.add(sequence.get(index));
        }
        return new PyList(items, sequence.isTuple());
    }

    /** Python's {@code slice.indices(length)} expanded into the selected positions. */
    private static List<Integer> indexes(long length, Object start, Object stop, Object step) {
        long s = step == PyNone.NONE ? 1 : clamp(step);
        if (s == 0) {
            throw PyErrors.valueError("slice step cannot be zero");
        }
        long lower = s > 0 ? 0 : -1;
        long upper = s > 0 ? length : length - 1;
        long first = position(start, length, lower, upper, s < 0 ? upper : lower);
        long last = position(stop, length, lower, upper, s < 0 ? lower : upper);
        List<Integer> indexes = new ArrayList<>();
        for (long i = first; s > 0 ? i < last : i > last; i += s) {
            indexes.add((int) i);
        }
        return indexes;
    }

    private static long position(Object bound, long length, long lower, long upper, long absent) {
        if (bound == PyNone.NONE) {
            return absent;
        }
        long value = clamp(bound);
        if (value < 0) {
            value += length;
            return Math.max(value, lower);
        }
        return Math.min(value, upper);
    }

    private static long clamp(Object integer) {
        if (integer instanceof BigInteger) {
            return ((BigInteger) integer).signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        return Py.toLong(integer);
    }

    private static Object dateTimeField(PythonDateTime value, String name) {
        switch (name) {
            case "year": return (long) value.dateTime().getYear();
            case "month": return (long) value.dateTime().getMonthValue();
            case "day": return (long) value.dateTime().getDayOfMonth();
            case "hour": return (long) value.dateTime().getHour();
            case "minute": return (long) value.dateTime().getMinute();
            case "second": return (long) value.dateTime().getSecond();
            case "microsecond": return (long) (value.dateTime().getNano() / 1000);
            case "fold": return 0L;
            case "tzinfo":
                // Python's timezone objects print as their name ('UTC', 'UTC+05:30'); that is all templates can see.
                return value.offset() == null ? PyNone.NONE : dev.sluice.declarative.datetime.Strftime.format(value, "%Z");
            default: return Undefined.missingAttribute(value, name);
        }
    }

    private static Object dateField(LocalDate value, String name) {
        switch (name) {
            case "year": return (long) value.getYear();
            case "month": return (long) value.getMonthValue();
            case "day": return (long) value.getDayOfMonth();
            default: return Undefined.missingAttribute(value, name);
        }
    }

    private static Object timedeltaField(Timedelta value, String name) {
        switch (name) {
            case "days": return value.days();
            case "seconds": return value.seconds();
            case "microseconds": return value.micros();
            default: return Undefined.missingAttribute(value, name);
        }
    }
}

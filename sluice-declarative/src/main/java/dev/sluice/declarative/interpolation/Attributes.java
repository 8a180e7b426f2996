package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.datetime.Timedelta;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Jinja's sandboxed {@code getattr} and {@code getitem}. {@code a.b} finds a method of {@code a}'s Python type
 * first, then the item {@code b}; {@code a['b']} finds the item first, then the attribute. Anything missing is
 * {@link Undefined}. Only data is reachable: JSON values, the fields of dates and allow-listed methods.
 */
final class Attributes {

    private Attributes() {
    }

    /**
     * The attributes starting with {@code _} that a Python {@code dict} has (CPython 3.11's {@code dir({})}). Jinja's
     * sandbox reads {@code d._links} as {@code getattr(d, '_links')}, which fails for a dict, and then as the item
     * {@code d['_links']}; only these real attributes are found first and refused as unsafe.
     */
    private static final Set<String> DICT_PRIVATE_ATTRIBUTES = Set.of("__class__", "__class_getitem__",
            "__contains__", "__delattr__", "__delitem__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
            "__getattribute__", "__getitem__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
            "__ior__", "__iter__", "__le__", "__len__", "__lt__", "__ne__", "__new__", "__or__", "__reduce__",
            "__reduce_ex__", "__repr__", "__reversed__", "__ror__", "__setattr__", "__setitem__", "__sizeof__",
            "__str__", "__subclasshook__");

    /**
     * Jinja's sandboxed {@code getattr}. Names starting with {@code _} are data keys of a mapping ({@code _links},
     * {@code _embedded}); a host attribute ({@code __class__}) is refused with an Undefined that raises Jinja's
     * {@code SecurityError} when used, as the sandbox's {@code unsafe_undefined} does. Nothing is refused at compile
     * time.
     */
    static Object attribute(Object owner, String name) {
        if (owner instanceof Undefined) {
            throw ((Undefined) owner).error();
        }
        if (name.startsWith("_")) {
            return privateAttribute(owner, name);
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

    private static Object privateAttribute(Object owner, String name) {
        boolean dunder = name.length() > 4 && name.startsWith("__") && name.endsWith("__");
        if (owner instanceof PyMapping && !DICT_PRIVATE_ATTRIBUTES.contains(name)) {
            Object value = ((PyMapping) owner).get(name);
            return value != null ? value : Undefined.missingAttribute(owner, name);
        }
        return dunder ? Undefined.unsafe(owner, name) : Undefined.missingAttribute(owner, name);
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

package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.datetime.Timedelta;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * The only methods a template can call: explicit allow-lists of Python methods per value type. A method name on
 * none of the lists is a compile error, so no Java method, field or class is ever reachable from a template.
 * Mutating methods ({@code append}, {@code pop}, {@code update}) are left out: templates only read values.
 */
final class Methods {

    static final Set<String> STR = Set.of("capitalize", "casefold", "center", "count", "endswith", "find", "format",
            "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "islower", "isnumeric", "isspace",
            "istitle", "isupper", "join", "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix",
            "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
            "startswith", "strip", "swapcase", "title", "upper", "zfill");
    static final Set<String> SEQUENCE = Set.of("index", "count");
    static final Set<String> DICT = Set.of("get", "keys", "values", "items");
    static final Set<String> DATETIME = Set.of("strftime", "isoformat", "timestamp", "date", "replace", "astimezone",
            "weekday", "isoweekday", "utcoffset");
    static final Set<String> DATE = Set.of("strftime", "isoformat", "weekday", "isoweekday", "replace");
    static final Set<String> TIMEDELTA = Set.of("total_seconds");
    private static final Set<String> ALL = union();

    private Methods() {
    }

    private static Set<String> union() {
        Set<String> all = new TreeSet<>();
        for (Set<String> names : java.util.List.of(STR, SEQUENCE, DICT, DATETIME, DATE, TIMEDELTA)) {
            all.addAll(names);
        }
        return Set.copyOf(all);
    }

    static void checkAllowed(String name) {
        if (!ALL.contains(name)) {
            throw PyErrors.syntax("method '" + name + "' is not available in templates; allowed methods are "
                    + new TreeSet<>(ALL));
        }
    }

    static boolean has(Object owner, String name) {
        return allowed(owner).contains(name);
    }

    private static Set<String> allowed(Object owner) {
        if (owner instanceof String) {
            return STR;
        }
        if (owner instanceof PySequence) {
            return SEQUENCE;
        }
        if (owner instanceof PyMapping) {
            return DICT;
        }
        if (owner instanceof PythonDateTime) {
            return DATETIME;
        }
        if (owner instanceof LocalDate) {
            return DATE;
        }
        if (owner instanceof Timedelta) {
            return TIMEDELTA;
        }
        return Set.of();
    }

    static Object call(Object owner, String name, Args args, Frame frame) {
        if (owner instanceof Undefined) {
            throw ((Undefined) owner).error();
        }
        if (!has(owner, name)) {
            // Python would look the name up as an attribute and call whatever it found.
            Object found = Attributes.attribute(owner, name);
            if (found instanceof Undefined) {
                throw ((Undefined) found).error();
            }
            throw PyErrors.typeError("'" + Py.typeName(found) + "' object is not callable");
        }
        if (owner instanceof String) {
            return StrMethods.call((String) owner, name, args);
        }
        if (owner instanceof PySequence || owner instanceof PyMapping) {
            return CollectionMethods.call(owner, name, args);
        }
        return DateTimeMethods.call(owner, name, args);
    }
}

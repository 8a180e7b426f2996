package dev.sluice.declarative.interpolation;

import java.util.List;
import java.util.Set;

/** Jinja's tests ({@code x is defined}, {@code x is none}, {@code x is divisibleby 3}, ...). */
final class Tests {

    private static final Set<String> NAMES = Set.of("defined", "undefined", "none", "boolean", "true", "false",
            "integer", "float", "number", "string", "mapping", "iterable", "sequence", "callable", "sameas", "escaped",
            "lower", "upper", "odd", "even", "divisibleby", "eq", "equalto", "==", "ne", "!=", "lt", "lessthan", "<",
            "le", "<=", "gt", "greaterthan", ">", "ge", ">=", "in", "filter", "test");

    private Tests() {
    }

    static void checkKnown(String name) {
        if (!NAMES.contains(name)) {
            throw PyErrors.syntax("No test named '" + name + "'.");
        }
    }

    static boolean test(String name, Object value, Args args) {
        if (!NAMES.contains(name)) {
            throw PyErrors.valueError("No test named '" + name + "'.");
        }
        List<Object> arguments = args.positional();
        switch (name) {
            case "defined": return !(value instanceof Undefined);
            case "undefined": return value instanceof Undefined;
            case "none": return value == PyNone.NONE;
            case "boolean": return value instanceof Boolean;
            case "true": return Boolean.TRUE.equals(value);
            case "false": return Boolean.FALSE.equals(value);
            case "integer": return Py.isInt(value) && !(value instanceof Boolean);
            case "float": return value instanceof Double;
            case "number": return Py.isNumber(value);
            case "string": return value instanceof String;
            case "mapping": return value instanceof PyMapping;
            case "iterable":
                return value instanceof String || value instanceof PySequence || value instanceof PyMapping
                        || value instanceof LazySequence || value instanceof Undefined;
            case "sequence":
                return value instanceof String || value instanceof PySequence || value instanceof PyMapping
                        || value instanceof Undefined;
            case "callable":
                return value instanceof Callables.FunctionRef || value instanceof Callables.BoundMethod;
            case "sameas": return sameAs(value, argument(name, arguments));
            case "escaped": return false;
            case "lower": return (Boolean) StrMethods.call(PyText.str(value), "islower", Args.NONE);
            case "upper": return (Boolean) StrMethods.call(PyText.str(value), "isupper", Args.NONE);
            case "odd": return PyCompare.equal(PyArithmetic.modulo(value, 2L), 1L);
            case "even": return PyCompare.equal(PyArithmetic.modulo(value, 2L), 0L);
            case "divisibleby": return PyCompare.equal(PyArithmetic.modulo(value, argument(name, arguments)), 0L);
            case "eq":
            case "equalto":
            case "==": return PyCompare.equal(value, argument(name, arguments));
            case "ne":
            case "!=": return !PyCompare.equal(value, argument(name, arguments));
            case "lt":
            case "lessthan":
            case "<": return PyCompare.ordered("<", value, argument(name, arguments));
            case "le":
            case "<=": return PyCompare.ordered("<=", value, argument(name, arguments));
            case "gt":
            case "greaterthan":
            case ">": return PyCompare.ordered(">", value, argument(name, arguments));
            case "ge":
            case ">=": return PyCompare.ordered(">=", value, argument(name, arguments));
            case "in": return PyCompare.contains(argument(name, arguments), value);
            case "filter": return value instanceof String && Filters.names().contains(value);
            default: return value instanceof String && NAMES.contains(value);
        }
    }

    private static Object argument(String test, List<Object> arguments) {
        if (arguments.size() != 1) {
            throw PyErrors.typeError("test_" + test + "() takes 2 positional arguments but " + (arguments.size() + 1)
                    + " were given");
        }
        return arguments.get(0);
    }

    /** Python's {@code is}: singletons, CPython's cached small ints, otherwise the same object. */
    private static boolean sameAs(Object value, Object other) {
        if (value instanceof Long && other instanceof Long) {
            long n = (Long) value;
            return n == (Long) other && n >= -5 && n <= 256;
        }
        return value == other || value instanceof Boolean && value.equals(other);
    }
}

package dev.sluice.declarative.interpolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.datetime.Timedelta;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's data model for the evaluator's values: JSON conversion, truthiness, type names, iteration and length.
 * Values are {@link String}, {@link Long}/{@link BigInteger} (int), {@link Double}, {@link Boolean},
 * {@link PyNone}, {@link PySequence}, {@link PyMapping}, {@link LazySequence}, {@link PythonDateTime},
 * {@link LocalDate}, {@link Timedelta}, {@link IsoDuration} (calendar duration), {@link Undefined} and callables.
 */
final class Py {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Py() {
    }

    /** Python's {@code json.loads} view of a node: objects and arrays stay wrapped, scalars convert. */
    static Object fromJson(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                return node.textValue();
            case NUMBER:
                if (node.isIntegralNumber()) {
                    return node.canConvertToLong() ? (Object) node.longValue() : normalize(node.bigIntegerValue());
                }
                return node.doubleValue();
            case BOOLEAN:
                return node.booleanValue();
            case OBJECT:
                return new JsonDict((ObjectNode) node);
            case ARRAY:
                return new JsonList((ArrayNode) node);
            case BINARY:
            case POJO:
                return node.asText();
            default:
                return PyNone.NONE;
        }
    }

    /** The JSON form of a value produced by {@code literal_eval}; tuples and sets become arrays. */
    static JsonNode toJson(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof String) {
            return nodes.textNode((String) value);
        }
        if (value instanceof Boolean) {
            return nodes.booleanNode((Boolean) value);
        }
        if (value instanceof Long) {
            long n = (Long) value;
            // Same node types as Jackson's parser gives for the same JSON text, so results compare equal.
            return n == (int) n ? nodes.numberNode((int) n) : nodes.numberNode(n);
        }
        if (value instanceof BigInteger) {
            return nodes.numberNode((BigInteger) value);
        }
        if (value instanceof Double) {
            return nodes.numberNode((Double) value);
        }
        if (value instanceof JsonList) {
            return ((JsonList) value).node();
        }
        if (value instanceof JsonDict) {
            return ((JsonDict) value).node();
        }
        if (value instanceof PySequence) {
            ArrayNode array = nodes.arrayNode();
            for (Object item : ((PySequence) value).asList()) {
                array.add(toJson(item));
            }
            return array;
        }
        if (value instanceof PyMapping) {
            PyMapping mapping = (PyMapping) value;
            ObjectNode object = nodes.objectNode();
            for (Object key : mapping.keys()) {
                Object item = mapping.get(key);
                object.set(PyText.str(key), toJson(item == null ? PyNone.NONE : item));
            }
            return object;
        }
        if (value == PyNone.NONE) {
            return nodes.nullNode();
        }
        return nodes.textNode(PyText.str(value));
    }

    static Object normalize(BigInteger value) {
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0 ? (Object) value.longValue() : value;
    }

    static boolean truthy(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String) {
            return !((String) value).isEmpty();
        }
        if (value instanceof Long) {
            return (Long) value != 0;
        }
        if (value instanceof Double) {
            return (Double) value != 0.0;
        }
        if (value instanceof BigInteger) {
            return ((BigInteger) value).signum() != 0;
        }
        if (value instanceof PySequence) {
            return ((PySequence) value).size() > 0;
        }
        if (value instanceof PyMapping) {
            return ((PyMapping) value).size() > 0;
        }
        if (value instanceof LazySequence) {
            LazySequence lazy = (LazySequence) value;
            return !lazy.kind().isView() || !lazy.items().isEmpty();
        }
        if (value instanceof Timedelta) {
            return ((Timedelta) value).microseconds() != 0;
        }
        return !(value == PyNone.NONE || value instanceof Undefined);
    }

    static boolean isInt(Object value) {
        return value instanceof Long || value instanceof BigInteger || value instanceof Boolean;
    }

    static boolean isNumber(Object value) {
        return isInt(value) || value instanceof Double;
    }

    static boolean isList(Object value) {
        return value instanceof PySequence && !((PySequence) value).isTuple();
    }

    static boolean isHashable(Object value) {
        if (value instanceof PySequence) {
            PySequence sequence = (PySequence) value;
            if (!sequence.isTuple()) {
                return false;
            }
            for (Object item : sequence.asList()) {
                if (!isHashable(item)) {
                    return false;
                }
            }
            return true;
        }
        return !(value instanceof PyMapping || value instanceof LazySequence && ((LazySequence) value).kind().isView());
    }

    static BigInteger toBigInteger(Object value) {
        if (value instanceof BigInteger) {
            return (BigInteger) value;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? BigInteger.ONE : BigInteger.ZERO;
        }
        return BigInteger.valueOf((Long) value);
    }

    /** An int (incl. bool) as a long; ints beyond the long range are refused as Python refuses huge indexes. */
    static long toLong(Object value) {
        if (value instanceof Long) {
            return (Long) value;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        if (value instanceof BigInteger) {
            throw PyErrors.valueError("Python int too large to convert to C ssize_t");
        }
        throw PyErrors.typeError("'" + typeName(value) + "' object cannot be interpreted as an integer");
    }

    static double toDouble(Object value) {
        if (value instanceof Double) {
            return (Double) value;
        }
        if (value instanceof Long) {
            return (Long) value;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1.0 : 0.0;
        }
        if (value instanceof BigInteger) {
            double d = ((BigInteger) value).doubleValue();
            if (Double.isInfinite(d)) {
                throw PyErrors.valueError("int too large to convert to float");
            }
            return d;
        }
        throw PyErrors.typeError("must be real number, not " + typeName(value));
    }

    static String typeName(Object value) {
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return "int";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof PySequence) {
            return ((PySequence) value).isTuple() ? "tuple" : "list";
        }
        if (value instanceof PyMapping) {
            return "dict";
        }
        if (value instanceof PythonDateTime) {
            return "datetime.datetime";
        }
        if (value instanceof LocalDate) {
            return "datetime.date";
        }
        if (value instanceof Timedelta) {
            return "datetime.timedelta";
        }
        if (value instanceof IsoDuration) {
            return "Duration";
        }
        if (value instanceof LazySequence) {
            return ((LazySequence) value).kind().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (value instanceof Undefined) {
            return "Undefined";
        }
        if (value == PyNone.NONE) {
            return "NoneType";
        }
        if (value instanceof Callables.BoundMethod) {
            return "builtin_function_or_method";
        }
        if (value instanceof Callables.FunctionRef) {
            return "function";
        }
        if (value instanceof LoopState) {
            return "LoopContext";
        }
        return "object";
    }

    /** Jinja's wording for the owner in undefined hints: {@code 'dict object'}, or {@code None}. */
    static String ownerDescription(Object owner) {
        return owner == PyNone.NONE ? "None" : "'" + typeName(owner) + " object'";
    }

    /** Python iteration: strings by character, dicts by key; Undefined iterates as empty. */
    static List<Object> iterate(Object value) {
        if (value instanceof PySequence) {
            return ((PySequence) value).asList();
        }
        if (value instanceof PyMapping) {
            return ((PyMapping) value).keys();
        }
        if (value instanceof LazySequence) {
            return ((LazySequence) value).items();
        }
        if (value instanceof String) {
            return PyStrings.characters((String) value);
        }
        if (value instanceof Undefined) {
            return List.of();
        }
        throw PyErrors.typeError("'" + typeName(value) + "' object is not iterable");
    }

    static List<Object> copyOf(Object value) {
        return new ArrayList<>(iterate(value));
    }

    static long len(Object value) {
        if (value instanceof String) {
            return PyStrings.length((String) value);
        }
        if (value instanceof PySequence) {
            return ((PySequence) value).size();
        }
        if (value instanceof PyMapping) {
            return ((PyMapping) value).size();
        }
        if (value instanceof LazySequence && ((LazySequence) value).kind().isView()) {
            return ((LazySequence) value).items().size();
        }
        throw PyErrors.typeError("object of type '" + typeName(value) + "' has no len()");
    }
}

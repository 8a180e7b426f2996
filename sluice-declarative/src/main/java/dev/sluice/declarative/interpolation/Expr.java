package dev.sluice.declarative.interpolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A compiled expression. Each node evaluates itself with Python/Jinja semantics. */
sealed interface Expr {

    Object eval(Frame frame);

    /** Direct sub-expressions, for the free-variable analysis. */
    List<Expr> children();

    static List<Expr> list(@Nullable Expr... items) {
        List<Expr> present = new ArrayList<>();
        for (Expr item : items) {
            if (item != null) {
                present.add(item);
            }
        }
        return present;
    }

    record Literal(Object value) implements Expr {
        @Override public Object eval(Frame frame) {
            return value;
        }

        @Override public List<Expr> children() {
            return List.of();
        }
    }

    record Name(String name) implements Expr {
        @Override public Object eval(Frame frame) {
            return frame.lookup(name);
        }

        @Override public List<Expr> children() {
            return List.of();
        }
    }

    record GetAttr(Expr target, String name) implements Expr {
        @Override public Object eval(Frame frame) {
            return Attributes.attribute(target.eval(frame), name);
        }

        @Override public List<Expr> children() {
            return List.of(target);
        }
    }

    record GetItem(Expr target, Expr key) implements Expr {
        @Override public Object eval(Frame frame) {
            return Attributes.item(target.eval(frame), key.eval(frame));
        }

        @Override public List<Expr> children() {
            return List.of(target, key);
        }
    }

    record Slice(Expr target, @Nullable Expr start, @Nullable Expr stop, @Nullable Expr step) implements Expr {
        @Override public Object eval(Frame frame) {
            Object value = target.eval(frame);
            return Attributes.slice(value, bound(start, frame), bound(stop, frame), bound(step, frame));
        }

        private static Object bound(@Nullable Expr expr, Frame frame) {
            return expr == null ? PyNone.NONE : expr.eval(frame);
        }

        @Override public List<Expr> children() {
            return list(target, start, stop, step);
        }
    }

    /** {@code target.name(args)}: the name was checked against the method allow-lists at compile time. */
    record MethodCall(Expr target, String name, CallArgs args) implements Expr {
        @Override public Object eval(Frame frame) {
            return Methods.call(target.eval(frame), name, args.eval(frame), frame);
        }

        @Override public List<Expr> children() {
            return Expr.concat(List.of(target), args.children());
        }
    }

    record Call(Expr callee, CallArgs args) implements Expr {
        @Override public Object eval(Frame frame) {
            Object function = callee.eval(frame);
            Args values = args.eval(frame);
            if (function instanceof Callables.FunctionRef) {
                return Globals.call(((Callables.FunctionRef) function).name(), values, frame);
            }
            if (function instanceof Callables.BoundMethod) {
                Callables.BoundMethod method = (Callables.BoundMethod) function;
                return Methods.call(method.self(), method.name(), values, frame);
            }
            if (function instanceof Undefined) {
                throw ((Undefined) function).error();
            }
            throw PyErrors.typeError("'" + Py.typeName(function) + "' object is not callable");
        }

        @Override public List<Expr> children() {
            return Expr.concat(List.of(callee), args.children());
        }
    }

    record Filter(Expr value, String name, CallArgs args) implements Expr {
        @Override public Object eval(Frame frame) {
            return Filters.apply(name, value.eval(frame), args.eval(frame), frame);
        }

        @Override public List<Expr> children() {
            return Expr.concat(List.of(value), args.children());
        }
    }

    record Test(Expr value, String name, CallArgs args, boolean negated) implements Expr {
        @Override public Object eval(Frame frame) {
            return Tests.test(name, value.eval(frame), args.eval(frame)) != negated;
        }

        @Override public List<Expr> children() {
            return Expr.concat(List.of(value), args.children());
        }
    }

    record Unary(String operator, Expr operand) implements Expr {
        @Override public Object eval(Frame frame) {
            Object value = operand.eval(frame);
            switch (operator) {
                case "not": return !Py.truthy(value);
                case "-": return PyArithmetic.negate(value);
                default: return PyArithmetic.positive(value);
            }
        }

        @Override public List<Expr> children() {
            return List.of(operand);
        }
    }

    record Binary(String operator, Expr left, Expr right) implements Expr {
        @Override public Object eval(Frame frame) {
            Object a = left.eval(frame);
            Object b = right.eval(frame);
            switch (operator) {
                case "+": return PyArithmetic.add(a, b);
                case "-": return PyArithmetic.subtract(a, b);
                case "*": return PyArithmetic.multiply(a, b);
                case "/": return PyArithmetic.trueDivide(a, b);
                case "//": return PyArithmetic.floorDivide(a, b);
                case "%": return PyArithmetic.modulo(a, b);
                default: return PyArithmetic.power(a, b);
            }
        }

        @Override public List<Expr> children() {
            return List.of(left, right);
        }
    }

    /** Jinja's {@code ~}: the {@code str()} of every operand joined. */
    record Concat(List<Expr> parts) implements Expr {
        @Override public Object eval(Frame frame) {
            StringBuilder out = new StringBuilder();
            for (Expr part : parts) {
                out.append(PyText.str(part.eval(frame)));
                Limits.checkString(out.length());
            }
            return out.toString();
        }

        @Override public List<Expr> children() {
            return parts;
        }
    }

    /** A chain such as {@code a < b <= c}: each operand is evaluated once, evaluation stops at the first false. */
    record Compare(Expr first, List<String> operators, List<Expr> operands) implements Expr {
        @Override public Object eval(Frame frame) {
            Object left = first.eval(frame);
            for (int i = 0; i < operators.size(); i++) {
                Object right = operands.get(i).eval(frame);
                if (!compare(operators.get(i), left, right)) {
                    return false;
                }
                left = right;
            }
            return true;
        }

        private static boolean compare(String operator, Object left, Object right) {
            switch (operator) {
                case "==": return PyCompare.equal(left, right);
                case "!=": return !PyCompare.equal(left, right);
                case "in": return PyCompare.contains(right, left);
                case "not in": return !PyCompare.contains(right, left);
                default: return PyCompare.ordered(operator, left, right);
            }
        }

        @Override public List<Expr> children() {
            return Expr.concat(List.of(first), operands);
        }
    }

    record And(Expr left, Expr right) implements Expr {
        @Override public Object eval(Frame frame) {
            Object value = left.eval(frame);
            return Py.truthy(value) ? right.eval(frame) : value;
        }

        @Override public List<Expr> children() {
            return List.of(left, right);
        }
    }

    record Or(Expr left, Expr right) implements Expr {
        @Override public Object eval(Frame frame) {
            Object value = left.eval(frame);
            return Py.truthy(value) ? value : right.eval(frame);
        }

        @Override public List<Expr> children() {
            return List.of(left, right);
        }
    }

    /** {@code body if test else otherwise}; without {@code else}, a false test gives Undefined (Jinja). */
    record Conditional(Expr body, Expr test, @Nullable Expr otherwise) implements Expr {
        @Override public Object eval(Frame frame) {
            if (Py.truthy(test.eval(frame))) {
                return body.eval(frame);
            }
            if (otherwise == null) {
                return new Undefined("the inline if-expression evaluated to false and no else section was defined.");
            }
            return otherwise.eval(frame);
        }

        @Override public List<Expr> children() {
            return list(body, test, otherwise);
        }
    }

    record ListLiteral(List<Expr> items, boolean tuple) implements Expr {
        @Override public Object eval(Frame frame) {
            Object[] values = new Object[items.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = items.get(i).eval(frame);
            }
            return new PyList(Arrays.asList(values), tuple);
        }

        @Override public List<Expr> children() {
            return items;
        }
    }

    record DictLiteral(List<Expr> keys, List<Expr> values) implements Expr {
        @Override public Object eval(Frame frame) {
            List<Object> evaluatedKeys = new ArrayList<>(keys.size());
            List<Object> evaluatedValues = new ArrayList<>(values.size());
            for (int i = 0; i < keys.size(); i++) {
                Object key = keys.get(i).eval(frame);
                if (!Py.isHashable(key)) {
                    throw PyErrors.typeError("unhashable type: '" + Py.typeName(key) + "'");
                }
                evaluatedKeys.add(key);
                evaluatedValues.add(values.get(i).eval(frame));
            }
            return PyDict.of(evaluatedKeys, evaluatedValues);
        }

        @Override public List<Expr> children() {
            return Expr.concat(keys, values);
        }
    }

    /** Unevaluated call arguments. */
    record CallArgs(List<Expr> positional, List<String> keywordNames, List<Expr> keywordValues) {
        static final CallArgs NONE = new CallArgs(List.of(), List.of(), List.of());

        Args eval(Frame frame) {
            if (positional.isEmpty() && keywordNames.isEmpty()) {
                return Args.NONE;
            }
            Object[] values = new Object[positional.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = positional.get(i).eval(frame);
            }
            Map<String, Object> keywords = new LinkedHashMap<>();
            for (int i = 0; i < keywordNames.size(); i++) {
                keywords.put(keywordNames.get(i), keywordValues.get(i).eval(frame));
            }
            return new Args(Arrays.asList(values), keywords);
        }

        List<Expr> children() {
            return Expr.concat(positional, keywordValues);
        }
    }

    static List<Expr> concat(List<Expr> first, List<Expr> second) {
        List<Expr> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        all.removeIf(Objects::isNull);
        return all;
    }
}

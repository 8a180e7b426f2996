package dev.sluice.declarative.interpolation;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One scope of a render: template-local names ({@code set}, loop targets, {@code loop}) over the context's
 * variables over the globals. A {@code for} body gets a child frame per iteration, as Jinja scopes loops.
 */
final class Frame {

    private final InterpolationContext context;
    private final @Nullable Frame parent;
    private final int[] loopIterations;
    private @Nullable Map<String, Object> locals;

    private Frame(InterpolationContext context, @Nullable Frame parent, int[] loopIterations) {
        this.context = context;
        this.parent = parent;
        this.loopIterations = loopIterations;
    }

    static Frame root(InterpolationContext context) {
        return new Frame(context, null, new int[1]);
    }

    Frame child() {
        return new Frame(context, this, loopIterations);
    }

    InterpolationContext context() {
        return context;
    }

    Object lookup(String name) {
        for (Frame frame = this; frame != null; frame = frame.parent) {
            if (frame.locals != null) {
                Object value = frame.locals.get(name);
                if (value != null) {
                    return value;
                }
            }
        }
        Object value = context.lookup(name);
        if (value != null) {
            return value;
        }
        Object global = Globals.value(name);
        return global != null ? global : new Undefined("'" + name + "' is undefined");
    }

    void assign(String name, Object value) {
        if (locals == null) {
            locals = new HashMap<>();
        }
        locals.put(name, value);
    }

    void countIteration() {
        if (++loopIterations[0] > Limits.MAX_LOOP_ITERATIONS) {
            throw PyErrors.limit("more than " + Limits.MAX_LOOP_ITERATIONS + " loop iterations");
        }
    }
}

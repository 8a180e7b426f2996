package dev.sluice.declarative.interpolation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Evaluated call arguments: positional values and keyword values in call order. */
record Args(List<Object> positional, Map<String, Object> keywords) {

    static final Args NONE = new Args(List.of(), Map.of());

    Args {
        positional = List.copyOf(positional);
        keywords = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
    }

    static Args of(Object... positional) {
        return new Args(List.of(positional), Map.of());
    }

    /**
     * Binds to a Python signature: {@code parameters} in order, the first {@code required} of them mandatory.
     * Unbound optional parameters are {@code null}. Mismatches raise Python's {@code TypeError}.
     */
    @Nullable Object[] bind(String function, int required, String... parameters) {
        if (positional.size() > parameters.length) {
            throw PyErrors.typeError(function + "() takes at most " + parameters.length + " argument"
                    + (parameters.length == 1 ? "" : "s") + " (" + positional.size() + " given)");
        }
        @Nullable Object[] values = new Object[parameters.length];
        for (int i = 0; i < positional.size(); i++) {
            values[i] = positional.get(i);
        }
        for (Map.Entry<String, Object> keyword : keywords.entrySet()) {
            int index = List.of(parameters).indexOf(keyword.getKey());
            if (index < 0) {
                throw PyErrors.typeError(function + "() got an unexpected keyword argument '" + keyword.getKey() + "'");
            }
            if (values[index] != null) {
                throw PyErrors.typeError(function + "() got multiple values for argument '" + keyword.getKey() + "'");
            }
            values[index] = keyword.getValue();
        }
        for (int i = 0; i < required; i++) {
            if (values[i] == null) {
                throw PyErrors.typeError(function + "() missing required argument: '" + parameters[i] + "'");
            }
        }
        return values;
    }

    /** Positional-only callables (the {@code max} and {@code min} macros) reject keywords. */
    List<Object> positionalOnly(String function) {
        if (!keywords.isEmpty()) {
            throw PyErrors.typeError(function + "() takes no keyword arguments");
        }
        return positional;
    }
}

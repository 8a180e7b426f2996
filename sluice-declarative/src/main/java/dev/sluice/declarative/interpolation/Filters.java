package dev.sluice.declarative.interpolation;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filter registry: Jinja's built-in filters that templates use ({@link JinjaFilters}, {@link SequenceFilters})
 * and the CDK's own ({@link CdkFilters}; its {@code string} replaces Jinja's). Unknown names fail at compile time,
 * as in Jinja; names passed as strings to {@code map} fail when called.
 */
final class Filters {

    /** One filter: the piped value, the call's arguments, and the frame (for filters that call filters or tests). */
    @FunctionalInterface
    interface Filter {
        Object apply(Object value, Args args, Frame frame);
    }

    private static final Map<String, Filter> FILTERS = registry();

    private Filters() {
    }

    private static Map<String, Filter> registry() {
        java.util.HashMap<String, Filter> filters = new java.util.HashMap<>();
        JinjaFilters.register(filters);
        SequenceFilters.register(filters);
        CdkFilters.register(filters);
        return Map.copyOf(filters);
    }

    static Set<String> names() {
        return new TreeSet<>(FILTERS.keySet());
    }

    static void checkKnown(String name) {
        if (!FILTERS.containsKey(name)) {
            throw PyErrors.syntax("No filter named '" + name + "'. Available filters: " + names());
        }
    }

    static Object apply(String name, Object value, Args args, Frame frame) {
        Filter filter = FILTERS.get(name);
        if (filter == null) {
            throw PyErrors.valueError("No filter named '" + name + "'.");
        }
        return filter.apply(value, args, frame);
    }
}

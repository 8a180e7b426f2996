package dev.sluice.declarative.interpolation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Jinja's filters over sequences: {@code first}, {@code last}, {@code join}, {@code length}, {@code list},
 * {@code map}, {@code select}/{@code reject}(+{@code attr}), {@code sort}, {@code dictsort}, {@code unique},
 * {@code reverse}, {@code min}, {@code max}, {@code sum}, {@code items}, {@code batch}. Like Jinja, {@code map},
 * {@code select*}, {@code reject*}, {@code unique}, {@code items} and {@code batch} return generators.
 */
final class SequenceFilters {

    private SequenceFilters() {
    }

    static void register(Map<String, Filters.Filter> filters) {
        filters.put("first", (value, args, frame) -> {
            args.bind("first", 0);
            List<Object> items = Py.iterate(value);
            return items.isEmpty() ? new Undefined("No first item, sequence was empty.") : items.get(0);
        });
        filters.put("last", (value, args, frame) -> {
            args.bind("last", 0);
            if (value instanceof LazySequence && ((LazySequence) value).kind() == LazySequence.Kind.GENERATOR) {
                throw PyErrors.typeError("'generator' object is not reversible");
            }
            List<Object> items = Py.iterate(value);
            return items.isEmpty() ? new Undefined("No last item, sequence was empty.") : items.get(items.size() - 1);
        });
        filters.put("join", (value, args, frame) -> join(value, args));
        Filters.Filter length = (value, args, frame) -> {
            args.bind("length", 0);
            return value instanceof Undefined ? 0L : Py.len(value);
        };
        filters.put("length", length);
        filters.put("count", length);
        filters.put("list", (value, args, frame) -> {
            args.bind("list", 0);
            return PyList.list(Py.iterate(value));
        });
        filters.put("map", SequenceFilters::map);
        filters.put("select", (value, args, frame) -> select(value, args, frame, true, false));
        filters.put("reject", (value, args, frame) -> select(value, args, frame, false, false));
        filters.put("selectattr", (value, args, frame) -> select(value, args, frame, true, true));
        filters.put("rejectattr", (value, args, frame) -> select(value, args, frame, false, true));
        filters.put("sort", (value, args, frame) -> sort(value, args));
        filters.put("dictsort", (value, args, frame) -> dictsort(value, args));
        filters.put("unique", (value, args, frame) -> unique(value, args));
        filters.put("reverse", (value, args, frame) -> reverse(value, args));
        filters.put("max", (value, args, frame) -> extreme(value, args, "max"));
        filters.put("min", (value, args, frame) -> extreme(value, args, "min"));
        filters.put("sum", (value, args, frame) -> sum(value, args));
        filters.put("items", (value, args, frame) -> {
            args.bind("items", 0);
            if (value instanceof Undefined) {
                return LazySequence.generator(List.of(), "do_items");
            }
            if (!(value instanceof PyMapping)) {
                throw PyErrors.typeError("Can only get item pairs from a mapping.");
            }
            return LazySequence.generator(CollectionMethods.items((PyMapping) value), "do_items");
        });
        filters.put("batch", (value, args, frame) -> batch(value, args));
    }

    /** Jinja's {@code make_attrgetter}: dotted paths, integer parts as indexes, item-then-attribute lookup. */
    static Function<Object, Object> attributeGetter(Object attribute, @Nullable Object defaultValue, boolean ignoreCase) {
        String path = PyText.str(attribute);
        String[] parts = path.split("\\.", -1);
        return item -> {
            Object current = item;
            for (String part : parts) {
                Object key = PyNumbers.isIndex(part) ? (Object) Long.parseLong(part) : part;
                current = Attributes.item(current, key);
            }
            if (current instanceof Undefined && defaultValue != null) {
                current = defaultValue;
            }
            return ignoreCase ? lowerIfString(current) : current;
        };
    }

    private static Object lowerIfString(Object value) {
        return value instanceof String ? ((String) value).toLowerCase(Locale.ROOT) : value;
    }

    private static Object join(Object value, Args args) {
        @Nullable Object[] bound = args.bind("join", 0, "d", "attribute");
        String separator = bound[0] == null ? "" : PyText.str(bound[0]);
        List<Object> items = Py.iterate(value);
        Function<Object, Object> getter = bound[1] == null ? Function.identity() : attributeGetter(bound[1], null, false);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(PyText.str(getter.apply(items.get(i))));
            Limits.checkString(out.length());
        }
        return out.toString();
    }

    private static Object map(Object value, Args args, Frame frame) {
        List<Object> items = Py.iterate(value);
        List<Object> mapped = new ArrayList<>(items.size());
        if (args.positional().isEmpty() && args.keywords().containsKey("attribute")) {
            @Nullable Object[] bound = args.bind("map", 0, "attribute", "default");
            Function<Object, Object> getter = attributeGetter(bound[0], bound[1], false);
            for (Object item : items) {
                mapped.add(getter.apply(item));
            }
            return LazySequence.generator(mapped, "sync_do_map");
        }
        if (args.positional().isEmpty()) {
            throw PyErrors.valueError("map requires a filter argument");
        }
        String name = PyText.str(args.positional().get(0));
        Args rest = new Args(args.positional().subList(1, args.positional().size()), args.keywords());
        for (Object item : items) {
            mapped.add(Filters.apply(name, item, rest, frame));
        }
        return LazySequence.generator(mapped, "sync_do_map");
    }

    private static Object select(Object value, Args args, Frame frame, boolean keep, boolean byAttribute) {
        List<Object> positional = args.positional();
        int offset = 0;
        Function<Object, Object> transform = Function.identity();
        if (byAttribute) {
            if (positional.isEmpty()) {
                throw PyErrors.valueError("Missing parameter for attribute name");
            }
            transform = attributeGetter(positional.get(0), null, false);
            offset = 1;
        }
        @Nullable String test = positional.size() > offset ? PyText.str(positional.get(offset)) : null;
        Args testArgs = new Args(positional.size() > offset + 1 ? positional.subList(offset + 1, positional.size())
                : List.of(), args.keywords());
        List<Object> kept = new ArrayList<>();
        for (Object item : Py.iterate(value)) {
            Object subject = transform.apply(item);
            boolean passes = test == null ? Py.truthy(subject) : Tests.test(test, subject, testArgs);
            if (passes == keep) {
                kept.add(item);
            }
        }
        return LazySequence.generator(kept, "select_or_reject");
    }

    private static Comparator<Object> pythonOrder() {
        return (a, b) -> {
            @Nullable Integer order = PyCompare.order("<", a, b);
            return order == null ? 0 : order;
        };
    }

    private static List<Object> sorted(List<Object> items, Comparator<Object> order) {
        List<Object> copy = new ArrayList<>(items);
        try {
            copy.sort(order);
        } catch (IllegalArgumentException e) {
            throw PyErrors.valueError("cannot sort values that do not have a consistent order (NaN?)");
        }
        return copy;
    }

    private static Object sort(Object value, Args args) {
        @Nullable Object[] bound = args.bind("sort", 0, "reverse", "case_sensitive", "attribute");
        boolean reverse = bound[0] != null && Py.truthy(bound[0]);
        boolean caseSensitive = bound[1] != null && Py.truthy(bound[1]);
        Function<Object, Object> key = bound[2] == null ? caseSensitive ? Function.identity()
                : SequenceFilters::lowerIfString : attributeGetter(bound[2], null, !caseSensitive);
        Comparator<Object> order = Comparator.comparing(key, pythonOrder());
        List<Object> sorted = sorted(Py.iterate(value), reverse ? order.reversed() : order);
        return PyList.list(sorted);
    }

    private static Object dictsort(Object value, Args args) {
        @Nullable Object[] bound = args.bind("dictsort", 0, "case_sensitive", "by", "reverse");
        if (!(value instanceof PyMapping)) {
            throw PyErrors.typeError("dictsort needs a mapping, not " + Py.typeName(value));
        }
        boolean caseSensitive = bound[0] != null && Py.truthy(bound[0]);
        String by = bound[1] == null ? "key" : PyText.str(bound[1]);
        int position = by.equals("key") ? 0 : by.equals("value") ? 1 : -1;
        if (position < 0) {
            throw PyErrors.valueError("You can only sort by either \"key\" or \"value\"");
        }
        Function<Object, Object> key = pair -> {
            Object part = ((PySequence) pair).get(position);
            return caseSensitive ? part : lowerIfString(part);
        };
        Comparator<Object> order = Comparator.comparing(key, pythonOrder());
        boolean reverse = bound[2] != null && Py.truthy(bound[2]);
        return PyList.list(sorted(CollectionMethods.items((PyMapping) value), reverse ? order.reversed() : order));
    }

    private static Object unique(Object value, Args args) {
        @Nullable Object[] bound = args.bind("unique", 0, "case_sensitive", "attribute");
        boolean caseSensitive = bound[0] != null && Py.truthy(bound[0]);
        Function<Object, Object> key = bound[1] == null ? caseSensitive ? Function.identity()
                : SequenceFilters::lowerIfString : attributeGetter(bound[1], null, !caseSensitive);
        List<Object> seen = new ArrayList<>();
        List<Object> kept = new ArrayList<>();
        for (Object item : Py.iterate(value)) {
            Object k = key.apply(item);
            if (seen.stream().noneMatch(s -> PyCompare.equal(s, k))) {
                seen.add(k);
                kept.add(item);
            }
        }
        return LazySequence.generator(kept, "do_unique");
    }

    private static Object reverse(Object value, Args args) {
        args.bind("reverse", 0);
        if (value instanceof String) {
            return new StringBuilder((String) value).reverse().toString();
        }
        List<Object> items = new ArrayList<>(Py.iterate(value));
        java.util.Collections.reverse(items);
        if (value instanceof LazySequence && ((LazySequence) value).kind() == LazySequence.Kind.GENERATOR) {
            return PyList.list(items);
        }
        return new LazySequence(items, LazySequence.Kind.REVERSE_ITERATOR, "");
    }

    private static Object extreme(Object value, Args args, String which) {
        @Nullable Object[] bound = args.bind(which, 0, "case_sensitive", "attribute");
        boolean caseSensitive = bound[0] != null && Py.truthy(bound[0]);
        Function<Object, Object> key = bound[1] == null ? caseSensitive ? Function.identity()
                : SequenceFilters::lowerIfString : attributeGetter(bound[1], null, !caseSensitive);
        List<Object> items = Py.iterate(value);
        if (items.isEmpty()) {
            return new Undefined("No aggregated item, sequence was empty.");
        }
        String operator = which.equals("max") ? ">" : "<";
        Object best = items.get(0);
        for (Object item : items.subList(1, items.size())) {
            if (PyCompare.ordered(operator, key.apply(item), key.apply(best))) {
                best = item;
            }
        }
        return best;
    }

    private static Object sum(Object value, Args args) {
        @Nullable Object[] bound = args.bind("sum", 0, "attribute", "start");
        Function<Object, Object> getter = bound[0] == null ? Function.identity() : attributeGetter(bound[0], null, false);
        Object total = bound[1] == null ? 0L : bound[1];
        for (Object item : Py.iterate(value)) {
            total = PyArithmetic.add(total, getter.apply(item));
        }
        return total;
    }

    private static Object batch(Object value, Args args) {
        @Nullable Object[] bound = args.bind("batch", 1, "linecount", "fill_with");
        long size = Py.toLong(bound[0]);
        if (size <= 0) {
            throw PyErrors.valueError("batch size must be positive");
        }
        List<Object> batches = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        for (Object item : Py.iterate(value)) {
            current.add(item);
            if (current.size() == size) {
                batches.add(PyList.list(current));
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            while (bound[1] != null && current.size() < size) {
                current.add(bound[1]);
            }
            batches.add(PyList.list(current));
        }
        return LazySequence.generator(batches, "do_batch");
    }
}

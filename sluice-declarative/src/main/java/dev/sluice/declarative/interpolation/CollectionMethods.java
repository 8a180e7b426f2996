package dev.sluice.declarative.interpolation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The read-only methods of lists, tuples and dicts: {@code index}, {@code count}, {@code get}, {@code keys}, ... */
final class CollectionMethods {

    private CollectionMethods() {
    }

    static Object call(Object owner, String name, Args args) {
        if (owner instanceof PyMapping) {
            return dict((PyMapping) owner, name, args);
        }
        List<Object> items = ((PySequence) owner).asList();
        if (name.equals("count")) {
            Object wanted = args.bind("count", 1, "value")[0];
            long n = 0;
            for (Object item : items) {
                if (PyCompare.equal(item, wanted)) {
                    n++;
                }
            }
            return n;
        }
        @Nullable Object[] bound = args.bind("index", 1, "value", "start", "stop");
        int start = bound[1] == null ? 0 : clampIndex(Py.toLong(bound[1]), items.size());
        int stop = bound[2] == null ? items.size() : clampIndex(Py.toLong(bound[2]), items.size());
        for (int i = start; i < stop; i++) {
            if (PyCompare.equal(items.get(i), bound[0])) {
                return (long) i;
            }
        }
        throw PyErrors.valueError(PyText.repr(bound[0]) + " is not in list");
    }

    private static int clampIndex(long index, int size) {
        long position = index < 0 ? Math.max(0, index + size) : index;
        return (int) Math.min(position, size);
    }

    private static Object dict(PyMapping mapping, String name, Args args) {
        switch (name) {
            case "get": {
                @Nullable Object[] bound = args.bind("get", 1, "key", "default");
                if (!Py.isHashable(bound[0])) {
                    throw PyErrors.typeError("unhashable type: '" + Py.typeName(bound[0]) + "'");
                }
                Object value = mapping.get(bound[0]);
                if (value != null) {
                    return value;
                }
                return bound[1] == null ? PyNone.NONE : bound[1];
            }
            case "keys":
                args.bind(name, 0);
                return LazySequence.view(mapping.keys(), LazySequence.Kind.DICT_KEYS);
            case "values": {
                args.bind(name, 0);
                List<Object> values = new ArrayList<>();
                for (Object key : mapping.keys()) {
                    values.add(mapping.get(key));
                }
                return LazySequence.view(values, LazySequence.Kind.DICT_VALUES);
            }
            default: {
                args.bind(name, 0);
                return LazySequence.view(items(mapping), LazySequence.Kind.DICT_ITEMS);
            }
        }
    }

    static List<Object> items(PyMapping mapping) {
        List<Object> items = new ArrayList<>();
        for (Object key : mapping.keys()) {
            items.add(PyList.tuple(key, mapping.get(key)));
        }
        return items;
    }
}

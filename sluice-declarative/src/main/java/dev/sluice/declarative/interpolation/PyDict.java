package dev.sluice.declarative.interpolation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A dict built by a template. Keys are matched with Python's hash equality ({@code 1 == 1.0 == True}) while the
 * first key spelling is kept for rendering, as Python does.
 */
final class PyDict implements PyMapping {

    private record Entry(Object key, Object value) {
    }

    private final Map<Object, Entry> entries;

    private PyDict(Map<Object, Entry> entries) {
        this.entries = entries;
    }

    static PyDict of(List<Object> keys, List<Object> values) {
        Map<Object, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Object key = keys.get(i);
            Object hashKey = hashKey(key);
            Entry existing = entries.get(hashKey);
            entries.put(hashKey, new Entry(existing == null ? key : existing.key(), values.get(i)));
        }
        return new PyDict(Collections.unmodifiableMap(entries));
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public @Nullable Object get(Object key) {
        if (!Py.isHashable(key)) {
            throw PyErrors.typeError("unhashable type: '" + Py.typeName(key) + "'");
        }
        Entry entry = entries.get(hashKey(key));
        return entry == null ? null : entry.value();
    }

    @Override
    public List<Object> keys() {
        List<Object> keys = new ArrayList<>(entries.size());
        for (Entry entry : entries.values()) {
            keys.add(entry.key());
        }
        return keys;
    }

    /** Numbers that Python considers equal hash alike; tuples hash by their normalised items. */
    static Object hashKey(Object key) {
        if (key instanceof Boolean) {
            return (Boolean) key ? 1L : 0L;
        }
        if (key instanceof Double) {
            double d = (Double) key;
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e18) {
                return (long) d;
            }
            return key;
        }
        if (key instanceof java.math.BigInteger) {
            return Py.normalize((java.math.BigInteger) key);
        }
        if (key instanceof PySequence) {
            List<Object> items = new ArrayList<>();
            for (Object item : ((PySequence) key).asList()) {
                items.add(hashKey(item));
            }
            return items;
        }
        return key;
    }
}

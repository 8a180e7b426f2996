package dev.sluice.memo;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The results of a pure function, remembered for at most {@code limit} keys. Past the limit new results are
 * computed each time and not kept: a manifest with more distinct templates than the limit runs slower, never out
 * of memory. Thread-safe; two threads asking for the same new key may both compute it.
 */
public final class BoundedMemo<K, V> {

    private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
    private final int limit;
    private final Function<? super K, ? extends V> function;

    private BoundedMemo(int limit, Function<? super K, ? extends V> function) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        this.limit = limit;
        this.function = requireNonNull(function, "function is null");
    }

    /** A memo of {@code function}, which must be pure: its result depends on the key alone. */
    public static <K, V> BoundedMemo<K, V> of(int limit, Function<? super K, ? extends V> function) {
        return new BoundedMemo<>(limit, function);
    }

    /** {@code function(key)}; failures propagate and are not remembered. */
    public V get(K key) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        V computed = requireNonNull(function.apply(key), "the memoised function returned null");
        if (values.size() < limit) {
            values.putIfAbsent(key, computed);
        }
        return computed;
    }

    /** How many results are kept. */
    public int size() {
        return values.size();
    }
}

package dev.sluice.declarative.interpolation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A Python dict: JSON objects are wrapped lazily ({@link JsonDict}), template-built ones are {@link PyDict}. */
interface PyMapping {

    int size();

    /** The value under a key (Python equality of keys), or {@code null} when absent. */
    @Nullable Object get(Object key);

    /** Keys in insertion order. */
    List<Object> keys();
}

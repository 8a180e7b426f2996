package dev.sluice.declarative.interpolation;

import java.util.AbstractList;
import java.util.List;

/** A Python list or tuple: JSON arrays are wrapped lazily ({@link JsonList}), template-built ones are {@link PyList}. */
interface PySequence {

    int size();

    Object get(int index);

    boolean isTuple();

    /** A read-only view; elements of JSON arrays are converted as they are read. */
    default List<Object> asList() {
        PySequence self = this;
        return new AbstractList<>() {
            @Override
            public Object get(int index) {
                return self.get(index);
            }

            @Override
            public int size() {
                return self.size();
            }
        };
    }
}

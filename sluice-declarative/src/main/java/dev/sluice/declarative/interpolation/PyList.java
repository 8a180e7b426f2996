package dev.sluice.declarative.interpolation;

import java.util.List;

/** A list or tuple built by a template (literal, filter, method). Immutable: templates cannot mutate values. */
record PyList(List<Object> items, boolean isTuple) implements PySequence {

    static final PyList EMPTY = new PyList(List.of(), false);

    PyList {
        items = List.copyOf(items);
    }

    static PyList list(List<Object> items) {
        return new PyList(items, false);
    }

    static PyList tuple(Object... items) {
        return new PyList(List.of(items), true);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public List<Object> asList() {
        return items;
    }
}

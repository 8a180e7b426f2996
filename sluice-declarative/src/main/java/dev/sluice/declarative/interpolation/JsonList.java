package dev.sluice.declarative.interpolation;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** A JSON array seen as a Python list, without copying it. */
record JsonList(ArrayNode node) implements PySequence {

    @Override
    public int size() {
        return node.size();
    }

    @Override
    public Object get(int index) {
        return Py.fromJson(node.get(index));
    }

    @Override
    public boolean isTuple() {
        return false;
    }
}

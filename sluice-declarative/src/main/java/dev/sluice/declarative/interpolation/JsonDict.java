package dev.sluice.declarative.interpolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A JSON object seen as a Python dict, without copying it: values are converted only when read. */
record JsonDict(ObjectNode node) implements PyMapping {

    @Override
    public int size() {
        return node.size();
    }

    @Override
    public @Nullable Object get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        JsonNode value = node.get((String) key);
        return value == null ? null : Py.fromJson(value);
    }

    @Override
    public List<Object> keys() {
        List<Object> keys = new ArrayList<>(node.size());
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }
}

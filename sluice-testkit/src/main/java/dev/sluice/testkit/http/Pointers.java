package dev.sluice.testkit.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writing at a JSON pointer inside a template. */
final class Pointers {

    private Pointers() {
    }

    /** The object that holds the last step of {@code at}, made (as objects) where missing. */
    static ObjectNode parentOf(ObjectNode root, JsonPointer at) {
        ObjectNode current = root;
        JsonPointer rest = at;
        while (!rest.tail().matches()) {
            String step = rest.getMatchingProperty();
            JsonNode next = current.get(step);
            if (next == null || next.isNull()) {
                next = current.putObject(step);
            }
            if (!(next instanceof ObjectNode object)) {
                throw new IllegalArgumentException("cannot write at " + at + ": " + step + " is not an object");
            }
            current = object;
            rest = rest.tail();
        }
        return current;
    }

    /** Sets the value at {@code at} (below the root) to {@code value}. */
    static void set(ObjectNode root, JsonPointer at, JsonNode value) {
        parentOf(root, at).set(at.last().getMatchingProperty(), value);
    }
}

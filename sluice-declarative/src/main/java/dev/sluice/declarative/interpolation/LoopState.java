package dev.sluice.declarative.interpolation;

import java.util.List;

/** Jinja's {@code loop} variable inside {@code {% for %}}. */
record LoopState(List<Object> items, int index0) {

    Object attribute(String name) {
        int length = items.size();
        switch (name) {
            case "index": return (long) index0 + 1;
            case "index0": return (long) index0;
            case "revindex": return (long) (length - index0);
            case "revindex0": return (long) (length - index0 - 1);
            case "first": return index0 == 0;
            case "last": return index0 == length - 1;
            case "length": return (long) length;
            case "depth": return 1L;
            case "depth0": return 0L;
            case "previtem":
                return index0 > 0 ? items.get(index0 - 1) : new Undefined("there is no previous item");
            case "nextitem":
                return index0 < length - 1 ? items.get(index0 + 1) : new Undefined("there is no next item");
            default:
                return Undefined.missingAttribute(this, name);
        }
    }
}

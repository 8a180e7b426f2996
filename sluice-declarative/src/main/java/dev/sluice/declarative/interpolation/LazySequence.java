package dev.sluice.declarative.interpolation;

import java.util.List;

/**
 * Values Python shows as iterators or views rather than lists: the generators that {@code map}, {@code select} and
 * friends return, {@code reverse}'s iterator, and {@code dict.keys()/values()/items()}. They iterate like lists but
 * render as Python prints them (without the memory address), which is what the reference's templates produce.
 */
record LazySequence(List<Object> items, Kind kind, String producer) {

    enum Kind {
        GENERATOR, REVERSE_ITERATOR, DICT_KEYS, DICT_VALUES, DICT_ITEMS;

        boolean isView() {
            return this == DICT_KEYS || this == DICT_VALUES || this == DICT_ITEMS;
        }
    }

    LazySequence {
        items = List.copyOf(items);
    }

    /** A generator made by the named Jinja function, e.g. {@code sync_do_map}. */
    static LazySequence generator(List<Object> items, String producer) {
        return new LazySequence(items, Kind.GENERATOR, producer);
    }

    static LazySequence view(List<Object> items, Kind kind) {
        return new LazySequence(items, kind, "");
    }

    String render() {
        switch (kind) {
            case GENERATOR:
                return "<generator object " + producer + ">";
            case REVERSE_ITERATOR:
                return "<list_reverseiterator object>";
            default:
                return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + PyText.repr(PyList.list(items)) + ")";
        }
    }
}

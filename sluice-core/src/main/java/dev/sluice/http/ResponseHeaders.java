package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response's headers, whatever client received them. Names are case-insensitive (they keep the spelling they
 * arrived with); each name maps to its values in the order received.
 */
public record ResponseHeaders(Map<String, List<String>> map) {

    public static final ResponseHeaders NONE = new ResponseHeaders(Map.of());

    public ResponseHeaders {
        requireNonNull(map, "map is null");
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : map.entrySet()) {
            List<String> values = new ArrayList<>(copy.getOrDefault(header.getKey(), List.of()));
            values.addAll(header.getValue());
            copy.put(header.getKey(), List.copyOf(values));
        }
        map = Collections.unmodifiableMap(copy);
    }

    public static ResponseHeaders of(Map<String, List<String>> map) {
        return new ResponseHeaders(map);
    }

    /** The first value of a header, if it was sent. */
    public Optional<String> firstValue(String name) {
        return allValues(name).stream().findFirst();
    }

    /** Every value of a header, in the order received; empty when it was not sent. */
    public List<String> allValues(String name) {
        return map.getOrDefault(name, List.of());
    }
}

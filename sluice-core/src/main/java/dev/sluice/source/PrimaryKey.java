package dev.sluice.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stream's primary key as a list of field paths, the catalog's shape: {@code "id"} is {@code [["id"]]},
 * {@code ["a", "b"]} is {@code [["a"], ["b"]]}.
 */
public record PrimaryKey(List<List<String>> paths) {

    private static final PrimaryKey NONE = new PrimaryKey(List.of());

    public PrimaryKey {
        paths = paths.stream().map(List::copyOf).toList();
    }

    public static PrimaryKey none() {
        return NONE;
    }

    /** One top-level field per key column: {@code of("id")} or {@code of("org_id", "user_id")}. */
    public static PrimaryKey of(String... fields) {
        return new PrimaryKey(Arrays.stream(fields).map(List::of).toList());
    }

    /**
     * Reads the manifest forms: a string, a list of strings or a list of lists of strings; null, {@code ""}
     * and {@code []} mean no key.
     *
     * @throws IllegalArgumentException for any other shape (callers add the location)
     */
    public static PrimaryKey parse(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NONE;
        }
        if (node.isTextual()) {
            return node.asText().isEmpty() ? NONE : of(node.asText());
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("a primary key is a string, a list of strings or a list of lists");
        }
        List<List<String>> paths = new ArrayList<>();
        for (JsonNode element : node) {
            if (element.isTextual()) {
                paths.add(List.of(element.asText()));
            } else if (element.isArray()) {
                List<String> path = new ArrayList<>();
                element.forEach(part -> path.add(part.asText()));
                paths.add(path);
            } else {
                throw new IllegalArgumentException("a primary key is a string, a list of strings or a list of lists");
            }
        }
        return new PrimaryKey(paths);
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /** The top-level field names, when every path has length one. */
    public List<String> topLevelFields() {
        return paths.stream().map(path -> path.get(0)).toList();
    }
}

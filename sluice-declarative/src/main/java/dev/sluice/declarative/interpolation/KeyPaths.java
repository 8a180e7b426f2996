package dev.sluice.declarative.interpolation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The key paths at which templates read one variable: {@code response.meta.next} and {@code response['meta']['next']}
 * read {@code [meta, next]}. The empty path means the whole value is read, or read in a way whose keys are not
 * known before running ({@code response | length}, {@code response[config.key]}, {@code {% set r = response %}}).
 */
public record KeyPaths(Set<List<String>> paths) {

    public static final KeyPaths NONE = new KeyPaths(Set.of());

    public KeyPaths {
        Set<List<String>> copied = new LinkedHashSet<>();
        paths.forEach(path -> copied.add(List.copyOf(path)));
        paths = java.util.Collections.unmodifiableSet(copied);
    }

    /** Whether the variable is read at all. */
    public boolean isEmpty() {
        return paths.isEmpty();
    }

    public KeyPaths plus(KeyPaths other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Set<List<String>> union = new LinkedHashSet<>(paths);
        union.addAll(other.paths);
        return new KeyPaths(union);
    }

    /** Whether some read sees the value at {@code path}: the read path is a prefix of it, or it of the read path. */
    public boolean overlaps(List<String> path) {
        for (List<String> read : paths) {
            int common = Math.min(read.size(), path.size());
            if (read.subList(0, common).equals(path.subList(0, common))) {
                return true;
            }
        }
        return false;
    }

    static KeyPaths of(List<List<String>> paths) {
        return paths.isEmpty() ? NONE : new KeyPaths(new LinkedHashSet<>(new ArrayList<>(paths)));
    }
}

package dev.sluice.declarative.manifest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A location in a manifest, rooted at its top level, printed as {@code streams[3].retriever.paginator}.
 * Keys that would make the text ambiguous are quoted: {@code request_headers['X.Api.Key']}. Immutable;
 * {@link #field} and {@link #index} share the parent, so building a path per visited node is cheap.
 */
public final class ManifestPath {

    private static final ManifestPath ROOT = new ManifestPath(null, null, -1);
    private static final Pattern PLAIN_KEY = Pattern.compile("[^.\\[\\]'\\s]+");

    private final @Nullable ManifestPath parent;
    private final @Nullable String field;
    private final int index;

    private ManifestPath(@Nullable ManifestPath parent, @Nullable String field, int index) {
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    /** The manifest's top level; prints as the empty string. */
    public static ManifestPath root() {
        return ROOT;
    }

    public ManifestPath field(String name) {
        return new ManifestPath(this, requireNonNull(name, "name is null"), -1);
    }

    public ManifestPath index(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        return new ManifestPath(this, null, index);
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** The path one step up; the root is its own parent. */
    public ManifestPath parent() {
        return parent == null ? this : parent;
    }

    /** The key of the last step, or null when the last step is a list index (or this is the root). */
    public @Nullable String fieldName() {
        return field;
    }

    /** The list index of the last step, or -1 when the last step is a key (or this is the root). */
    public int elementIndex() {
        return index;
    }

    /** The steps from the top level down to this path, each a one-step path (root excluded). */
    public List<ManifestPath> steps() {
        Deque<ManifestPath> steps = new ArrayDeque<>();
        for (ManifestPath step = this; step.parent != null; step = step.parent) {
            steps.addFirst(step);
        }
        return new ArrayList<>(steps);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(parent.toString());
        if (field == null) {
            text.append('[').append(index).append(']');
        } else if (PLAIN_KEY.matcher(field).matches()) {
            if (text.length() > 0) {
                text.append('.');
            }
            text.append(field);
        } else {
            text.append("['").append(field.replace("'", "\\'")).append("']");
        }
        return text.toString();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ManifestPath path && path.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}

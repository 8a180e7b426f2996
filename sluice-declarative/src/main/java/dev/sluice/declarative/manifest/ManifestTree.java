package dev.sluice.declarative.manifest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A manifest between two pipeline steps: the JSON tree and where its containers were written. Each step
 * ({@link ReferenceResolver}, {@link ParameterPropagator}) takes one and returns a new one without
 * changing its input.
 */
public record ManifestTree(JsonNode root, LineMap lines) {

    public ManifestTree {
        requireNonNull(root, "root is null");
        requireNonNull(lines, "lines is null");
    }

    /** A tree with no line information (every line 0), for manifests built in code and for tests. */
    public static ManifestTree of(JsonNode root) {
        return new ManifestTree(root, new LineMap());
    }
}

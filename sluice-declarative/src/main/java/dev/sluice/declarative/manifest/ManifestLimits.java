package dev.sluice.declarative.manifest;

/**
 * Bounds on what the manifest pipeline accepts. Real manifests stay far below them (the largest in the
 * shared corpus has 1.25 million characters); they exist so that hostile input fails with a
 * {@link ManifestException} instead of exhausting the stack or the heap.
 */
final class ManifestLimits {

    /** Characters of YAML text (SnakeYAML's code point limit is set to the same number). */
    static final int MAX_CHARACTERS = 8 * 1024 * 1024;

    /** Aliases to collections in one YAML document; PyYAML has no limit, real manifests use a few dozen. */
    static final int MAX_COLLECTION_ALIASES = 1_000;

    /** Nesting of the YAML (or JSON) text as written. */
    static final int MAX_DEPTH = 200;

    /** Nesting after {@code $ref} resolution, counting each reference followed as one more level. */
    static final int MAX_RESOLVED_DEPTH = 500;

    /** Nodes one step may create (alias expansion, reference copies, parameter copies). */
    static final int MAX_NODES = 2_000_000;

    private ManifestLimits() {
    }
}

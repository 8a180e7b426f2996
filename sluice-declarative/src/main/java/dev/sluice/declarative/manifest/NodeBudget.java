package dev.sluice.declarative.manifest;

/**
 * Counts the nodes a normalising step creates and stops it past a limit, so that a small hostile
 * manifest (nested aliases or references that double at every level) fails fast instead of filling
 * the heap. One budget per step and document.
 */
final class NodeBudget {

    private final int limit;
    private final String stage;
    private int used;

    NodeBudget(int limit, String stage) {
        this.limit = limit;
        this.stage = stage;
    }

    void charge(ManifestPath where) {
        charge(1, where);
    }

    void charge(int nodes, ManifestPath where) {
        used += nodes;
        if (used > limit) {
            throw new ManifestException(where.toString(), 0,
                    "manifest expands to more than " + limit + " nodes " + stage
                            + "; refusing it (nested aliases or references that multiply?)");
        }
    }
}

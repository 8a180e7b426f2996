package dev.sluice.declarative.interpolation;

/**
 * Resource caps. Manifests are user code and API responses flow into templates, so no template may allocate
 * without bound, loop without bound or nest deeply enough to exhaust the stack.
 */
final class Limits {

    /** Longest string an operation may build (repetition, concatenation, padding, rendering). */
    static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
    /** Longest list an operation may build (repetition, concatenation). */
    static final int MAX_SEQUENCE_LENGTH = 1_000_000;
    /** Loop iterations per render, over all loops. */
    static final int MAX_LOOP_ITERATIONS = 1_000_000;
    /** Nesting of expressions and blocks in a template. */
    static final int MAX_NESTING = 100;
    /**
     * Python 3.11 refuses to turn an int of more than 4,300 digits into text; larger results could never render,
     * so arithmetic stops there (about 14,300 bits) instead of computing them.
     */
    static final int MAX_INT_BITS = 14_300;
    /** Character reads one regular-expression call may make: a guard against catastrophic backtracking. */
    static final long REGEX_STEPS_PER_CHAR = 10_000;
    static final long REGEX_MIN_STEPS = 1_000_000;

    private Limits() {
    }

    static void checkString(long length) {
        if (length > MAX_STRING_LENGTH) {
            throw PyErrors.limit("a string of " + length + " characters exceeds " + MAX_STRING_LENGTH);
        }
    }

    static void checkSequence(long length) {
        if (length > MAX_SEQUENCE_LENGTH) {
            throw PyErrors.limit("a list of " + length + " items exceeds " + MAX_SEQUENCE_LENGTH);
        }
    }
}

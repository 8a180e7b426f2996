package dev.sluice.declarative.interpolation;

/** Python's {@code None} inside the evaluator (Java {@code null} never appears as a template value). */
enum PyNone {
    NONE;

    @Override
    public String toString() {
        return "None";
    }
}

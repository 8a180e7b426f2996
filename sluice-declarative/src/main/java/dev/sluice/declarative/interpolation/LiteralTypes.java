package dev.sluice.declarative.interpolation;

/**
 * The {@code valid_types} of the reference's {@code eval}: after rendering, a template's text is parsed as a
 * Python literal, and the parsed value is kept only if its type is allowed here; otherwise the text is kept.
 */
public enum LiteralTypes {
    /** No restriction (every value but complex numbers). */
    ANY,
    /** {@code (str, list)}: values of the map form of {@code request_parameters} and {@code request_body_data}. */
    STRING_OR_LIST,
    /** {@code (str,)}: mapping keys, and {@code AddFields} with {@code value_type: string}. */
    STRING,
    /** {@code (float,)}: {@code AddFields} {@code value_type: number}; an int such as {@code 1} stays text. */
    NUMBER,
    /** {@code (int,)}: {@code AddFields} {@code value_type: integer}; Python's bools are ints, so they pass. */
    INTEGER,
    /** {@code (bool,)}: {@code AddFields} {@code value_type: boolean}. */
    BOOLEAN;

    boolean accepts(LiteralEval.Kind kind) {
        switch (this) {
            case ANY:
                return kind != LiteralEval.Kind.COMPLEX && kind.representable();
            case STRING_OR_LIST:
                return kind == LiteralEval.Kind.STR || kind == LiteralEval.Kind.LIST;
            case STRING:
                return kind == LiteralEval.Kind.STR;
            case NUMBER:
                return kind == LiteralEval.Kind.FLOAT;
            case INTEGER:
                return kind == LiteralEval.Kind.INT || kind == LiteralEval.Kind.BOOL;
            default:
                return kind == LiteralEval.Kind.BOOL;
        }
    }
}

package dev.sluice.declarative.interpolation;

/** One lexical token of a template; {@code position} is the character offset, for error messages. */
record Token(Kind kind, String text, Object value, int position) {

    enum Kind {
        DATA, VARIABLE_BEGIN, VARIABLE_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INTEGER, FLOAT, OPERATOR, END
    }

    boolean is(Kind expected, String expectedText) {
        return kind == expected && text.equals(expectedText);
    }

    boolean isOperator(String operator) {
        return is(Kind.OPERATOR, operator);
    }

    boolean isName(String name) {
        return is(Kind.NAME, name);
    }

    String describe() {
        switch (kind) {
            case END:
                return "end of template";
            case VARIABLE_END:
                return "end of print statement";
            case BLOCK_END:
                return "end of statement block";
            case STRING:
                return "string";
            default:
                return "'" + text + "'";
        }
    }
}

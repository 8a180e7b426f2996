package dev.sluice.declarative.interpolation;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The lexical half of {@link LiteralEval}: a cursor over the text that skips Python's trivia (spaces, comments,
 * line continuations, newlines inside brackets) and reads number and string tokens by hand, because it runs on
 * every evaluation, often once per record.
 */
final class LiteralScanner {

    /** Thrown for "not a literal"; preallocated and without a stack trace, since it is ordinary control flow. */
    static final class NotLiteral extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotLiteral() {
            super(null, null, false, false);
        }
    }

    static final NotLiteral NOT_LITERAL = new NotLiteral();

    final String text;
    int position;

    LiteralScanner(String text) {
        this.text = text;
    }

    void skipLeadingSpaces() {
        while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
            position++;
        }
        // Blank lines may precede the literal, but the line holding it may not be indented.
        int lineStart = position;
        boolean afterNewline = false;
        while (true) {
            skipSpaces();
            if (peek('#')) {
                skipComment();
            }
            if (atLineEnd()) {
                position++;
                lineStart = position;
                afterNewline = true;
                continue;
            }
            break;
        }
        if (afterNewline && text.substring(lineStart, position).chars().anyMatch(c -> c != '\f')) {
            throw NOT_LITERAL;
        }
    }

    LiteralEval.Parsed strings(boolean insideBrackets) {
        StringBuilder value = new StringBuilder();
        @Nullable Boolean bytes = null;
        boolean formatted = false;
        do {
            int start = position;
            while (Character.isLetter(text.charAt(position))) {
                position++;
            }
            String prefix = text.substring(start, position).toLowerCase(java.util.Locale.ROOT);
            boolean isBytes = prefix.contains("b");
            if (bytes != null && bytes != isBytes) {
                throw NOT_LITERAL;
            }
            bytes = isBytes;
            formatted |= prefix.contains("f");
            value.append(stringBody(prefix.contains("r")));
            skipTrivia(insideBrackets);
        } while (position < text.length() && startsString());
        if (formatted) {
            throw NOT_LITERAL;
        }
        return new LiteralEval.Parsed(value.toString(), bytes ? LiteralEval.Kind.BYTES : LiteralEval.Kind.STR, true);
    }

    private boolean startsString() {
        int i = position;
        while (i < text.length() && i - position < 2 && Character.isLetter(text.charAt(i))) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '\'' && text.charAt(i) != '"') {
            return false;
        }
        return text.substring(position, i).matches("(?i)|r|u|b|br|rb|f|fr|rf");
    }

    private String stringBody(boolean raw) {
        char quote = text.charAt(position);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), position);
        position += triple ? 3 : 1;
        int start = position;
        while (true) {
            if (position >= text.length()) {
                throw NOT_LITERAL;
            }
            char c = text.charAt(position);
            if (c == '\\') {
                position += 2;
                continue;
            }
            if (!triple && (c == '\n' || c == '\r')) {
                throw NOT_LITERAL;
            }
            if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), position))) {
                String body = text.substring(start, position);
                position += triple ? 3 : 1;
                return Escapes.unescape(body, raw);
            }
            position++;
        }
    }

    /** Python's number tokens, scanned by hand: this runs once per evaluation, often per record. */
    LiteralEval.Parsed number() {
        int start = position;
        char first = text.charAt(position);
        if (first == '0' && position + 1 < text.length() && "xXoObB".indexOf(text.charAt(position + 1)) >= 0) {
            char base = Character.toLowerCase(text.charAt(position + 1));
            int radix = base == 'x' ? 16 : base == 'o' ? 8 : 2;
            position += 2;
            if (peek('_')) {
                position++;
            }
            int digitsStart = position;
            if (!scanDigits(radix)) {
                throw NOT_LITERAL;
            }
            String digits = text.substring(digitsStart, position).replace("_", "");
            endOfNumber();
            return new LiteralEval.Parsed(PyArithmetic.bigInt(new BigInteger(digits, radix)), LiteralEval.Kind.INT, true, LiteralEval.Shape.CONSTANT);
        }
        boolean whole = scanDigits(10);
        boolean isFloat = false;
        if (peek('.')) {
            position++;
            isFloat = true;
            boolean fraction = scanDigits(10);
            if (!whole && !fraction) {
                throw NOT_LITERAL;
            }
        }
        if ((peek('e') || peek('E')) && exponentFollows()) {
            position++;
            if (peek('+') || peek('-')) {
                position++;
            }
            scanDigits(10);
            isFloat = true;
        }
        if (peek('j') || peek('J')) {
            position++;
            endOfNumber();
            return new LiteralEval.Parsed(PyNone.NONE, LiteralEval.Kind.COMPLEX, true, LiteralEval.Shape.CONSTANT);
        }
        endOfNumber();
        String literal = text.substring(start, position).replace("_", "");
        if (isFloat) {
            return new LiteralEval.Parsed(Double.parseDouble(literal), LiteralEval.Kind.FLOAT, true, LiteralEval.Shape.CONSTANT);
        }
        if (literal.length() > 1 && literal.charAt(0) == '0' && !literal.chars().allMatch(c -> c == '0')) {
            throw NOT_LITERAL; // leading zeros in decimal integer literals are not permitted
        }
        Object value = literal.length() < 19 ? (Object) Long.parseLong(literal) : PyArithmetic.bigInt(new BigInteger(literal));
        return new LiteralEval.Parsed(value, LiteralEval.Kind.INT, true, LiteralEval.Shape.CONSTANT);
    }

    /** Digits of the radix with single underscores between them; false when there are none. */
    private boolean scanDigits(int radix) {
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c < 128 && Character.digit(c, radix) >= 0) {
                position++;
            } else if (c == '_' && position > start && position + 1 < text.length() && text.charAt(position + 1) < 128
                    && Character.digit(text.charAt(position + 1), radix) >= 0) {
                position++;
            } else {
                break;
            }
        }
        return position > start;
    }

    private boolean exponentFollows() {
        int i = position + 1;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    /** "1abc" and "1_" are syntax errors in Python, not a number followed by a name. */
    private void endOfNumber() {
        if (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            throw NOT_LITERAL;
        }
    }

    boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    boolean atLineEnd() {
        return peek('\n') || peek('\r');
    }

    private void skipSpaces() {
        while (position < text.length() && " \t\f".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private void skipComment() {
        while (position < text.length() && text.charAt(position) != '\n' && text.charAt(position) != '\r') {
            position++;
        }
    }

    /**
     * Spaces, comments and line continuations; newlines too inside brackets. At the top level a newline ends the
     * logical line, so it is only skipped (with everything blank after it) when {@code insideBrackets} is false and
     * nothing but blank lines follow; otherwise the caller sees it and fails.
     */
    void skipTrivia(boolean insideBrackets) {
        while (position < text.length()) {
            skipSpaces();
            if (peek('#')) {
                skipComment();
            }
            if (peek('\\') && position + 1 < text.length() && (text.charAt(position + 1) == '\n' || text.charAt(position + 1) == '\r')) {
                position += 2;
                if (position >= text.length()) {
                    throw NOT_LITERAL;
                }
                continue;
            }
            if (atLineEnd()) {
                if (insideBrackets || onlyBlankAfter(position)) {
                    position++;
                    continue;
                }
            }
            return;
        }
    }

    private boolean onlyBlankAfter(int from) {
        boolean comment = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                comment = false;
            } else if (c == '#') {
                comment = true;
            } else if (!comment && " \t\f".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}

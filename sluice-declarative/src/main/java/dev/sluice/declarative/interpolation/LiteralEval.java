package dev.sluice.declarative.interpolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.source.ConnectorException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code ast.literal_eval} over rendered text: numbers (underscores, hex/octal/binary, floats, complex),
 * strings (prefixes, escapes, implicit concatenation, triple quotes), {@code True/False/None}, tuples (with or
 * without parentheses), lists, dicts, sets and {@code set()}, with unary signs on numbers and {@code a+bj}. Leading
 * spaces and tabs, trailing whitespace and comments are allowed, as in Python. Anything else is not a literal.
 */
final class LiteralEval {

    /** The Python type of a parsed literal; bytes and Ellipsis have no JSON form and are kept as text. */
    enum Kind {
        STR, INT, FLOAT, BOOL, NONE, LIST, TUPLE, DICT, SET, COMPLEX, BYTES, ELLIPSIS;

        boolean representable() {
            return this != BYTES && this != ELLIPSIS;
        }
    }

    /** The AST node shape matters: signs apply only to number constants, {@code a+bj} only to constants. */
    private enum Shape {
        CONSTANT, SIGNED, OTHER
    }

    private record Parsed(Object value, Kind kind, boolean hashable, Shape shape) {
        Parsed(Object value, Kind kind, boolean hashable) {
            this(value, kind, hashable, Shape.OTHER);
        }

    }

    /** Thrown inside the parser for "not a literal"; never escapes this class. */
    private static final class NotLiteral extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotLiteral() {
            super(null, null, false, false);
        }
    }

    private static final int MAX_NESTING = 200;
    private static final NotLiteral NOT_LITERAL = new NotLiteral();

    private final String text;
    private int position;
    private int depth;

    private LiteralEval(String text) {
        this.text = text;
    }

    /** The JSON value of {@code text} under {@code types}, or the text itself when it is not an accepted literal. */
    static JsonNode cast(String text, LiteralTypes types) {
        Parsed parsed = parse(text);
        if (parsed != null && types.accepts(parsed.kind())) {
            return Py.toJson(parsed.value());
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    /** The parsed literal's Python value, or {@code null} when the text is not a literal. */
    static @Nullable Object value(String text) {
        Parsed parsed = parse(text);
        return parsed == null ? null : parsed.value();
    }

    private static @Nullable Parsed parse(String text) {
        if (text.isEmpty() || !mayStartLiteral(text)) {
            return null;
        }
        try {
            LiteralEval parser = new LiteralEval(text);
            parser.skipLeadingSpaces();
            Parsed result = parser.topLevel();
            parser.skipTrivia(false);
            return parser.position == text.length() ? result : null;
        } catch (NotLiteral | NumberFormatException | ArithmeticException e) {
            return null;
        } catch (ConnectorException e) {
            // Bad escapes, ints above Python's 4,300-digit limit, unhashable keys: the reference keeps the text.
            return null;
        }
    }

    /**
     * Most rendered texts (names, URLs, dates) are not literals; this cheap look at the first character lets them
     * skip the parser. Letters can only start {@code True False None set()} or a string prefix.
     */
    private static boolean mayStartLiteral(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        if (c >= '0' && c <= '9' || "+-.([{'\"#\n\r\f\\".indexOf(c) >= 0) {
            return true;
        }
        return "TFNsrRuUbBfF".indexOf(c) >= 0;
    }

    private void skipLeadingSpaces() {
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

    private Parsed topLevel() {
        Parsed first = expression();
        skipTrivia(false);
        if (!peek(',')) {
            return first;
        }
        List<Parsed> items = new ArrayList<>();
        items.add(first);
        while (peek(',')) {
            position++;
            skipTrivia(false);
            if (position >= text.length() || atLineEnd()) {
                break;
            }
            items.add(expression());
            skipTrivia(false);
        }
        return sequence(items, Kind.TUPLE);
    }

    /** A signed number, or {@code real ± complex}, or any other single literal. */
    private Parsed expression() {
        Parsed left = signedOrAtom();
        skipTrivia(depth > 0);
        if (peek('+') || peek('-')) {
            boolean realLeft = left.shape() != Shape.OTHER && (left.kind() == Kind.INT || left.kind() == Kind.FLOAT);
            position++;
            skipTrivia(depth > 0);
            Parsed right = atom();
            if (!realLeft || right.kind() != Kind.COMPLEX || right.shape() != Shape.CONSTANT) {
                throw NOT_LITERAL;
            }
            return new Parsed(PyNone.NONE, Kind.COMPLEX, true);
        }
        return left;
    }

    private Parsed signedOrAtom() {
        if (peek('-') || peek('+')) {
            char sign = text.charAt(position++);
            skipTrivia(depth > 0);
            Parsed operand = atom();
            if (operand.shape() != Shape.CONSTANT) {
                throw NOT_LITERAL;
            }
            switch (operand.kind()) {
                case INT:
                    return new Parsed(sign == '-' ? PyArithmetic.negate(operand.value()) : operand.value(), Kind.INT,
                            true, Shape.SIGNED);
                case FLOAT:
                    return new Parsed(sign == '-' ? -(Double) operand.value() : operand.value(), Kind.FLOAT, true,
                            Shape.SIGNED);
                case COMPLEX:
                    return new Parsed(PyNone.NONE, Kind.COMPLEX, true, Shape.SIGNED);
                default:
                    throw NOT_LITERAL;
            }
        }
        return atom();
    }

    private Parsed atom() {
        if (position >= text.length()) {
            throw NOT_LITERAL;
        }
        char c = text.charAt(position);
        if (c == '(' || c == '[' || c == '{') {
            return bracketed(c);
        }
        if (c == '\'' || c == '"') {
            return strings();
        }
        if (Character.isDigit(c) || c == '.' && position + 1 < text.length() && Character.isDigit(text.charAt(position + 1))) {
            return number();
        }
        if (text.startsWith("...", position)) {
            position += 3;
            return new Parsed(PyNone.NONE, Kind.ELLIPSIS, true);
        }
        if (Character.isLetter(c) || c == '_') {
            return name();
        }
        throw NOT_LITERAL;
    }

    private Parsed name() {
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        String word = text.substring(start, position);
        if (position < text.length() && (text.charAt(position) == '\'' || text.charAt(position) == '"')
                && word.matches("(?i)r|u|b|br|rb|f|fr|rf")) {
            position = start;
            return strings();
        }
        switch (word) {
            case "True": return new Parsed(true, Kind.BOOL, true);
            case "False": return new Parsed(false, Kind.BOOL, true);
            case "None": return new Parsed(PyNone.NONE, Kind.NONE, true);
            case "set":
                skipTrivia(depth > 0);
                if (peek('(')) {
                    position++;
                    depth++;
                    skipTrivia(true);
                    if (peek(')')) {
                        position++;
                        depth--;
                        return new Parsed(PyList.EMPTY, Kind.SET, false);
                    }
                }
                throw NOT_LITERAL;
            default:
                throw NOT_LITERAL;
        }
    }

    private Parsed bracketed(char open) {
        if (++depth > MAX_NESTING) {
            throw NOT_LITERAL;
        }
        position++;
        char close = open == '(' ? ')' : open == '[' ? ']' : '}';
        List<Parsed> keys = new ArrayList<>();
        List<Parsed> values = new ArrayList<>();
        boolean sawComma = false;
        boolean dict = false;
        skipTrivia(true);
        while (!peek(close)) {
            Parsed item = expression();
            skipTrivia(true);
            if (open == '{' && (keys.isEmpty() && peek(':') || dict)) {
                dict = true;
                if (!peek(':')) {
                    throw NOT_LITERAL;
                }
                position++;
                skipTrivia(true);
                keys.add(item);
                values.add(expression());
                skipTrivia(true);
            } else {
                values.add(item);
            }
            if (peek(',')) {
                position++;
                sawComma = true;
                skipTrivia(true);
            } else if (!peek(close)) {
                throw NOT_LITERAL;
            }
        }
        position++;
        depth--;
        if (open == '(') {
            return values.size() == 1 && !sawComma ? values.get(0) : sequence(values, Kind.TUPLE);
        }
        if (open == '[') {
            return sequence(values, Kind.LIST);
        }
        if (dict || values.isEmpty()) {
            return dictionary(keys, values);
        }
        return set(values);
    }

    private static Parsed sequence(List<Parsed> items, Kind kind) {
        List<Object> values = new ArrayList<>(items.size());
        boolean hashable = kind == Kind.TUPLE;
        for (Parsed item : items) {
            values.add(item.value());
            hashable &= item.hashable();
        }
        return new Parsed(new PyList(values, kind == Kind.TUPLE), kind, hashable);
    }

    private static Parsed dictionary(List<Parsed> keys, List<Parsed> values) {
        List<Object> keyValues = new ArrayList<>();
        List<Object> valueValues = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).hashable()) {
                throw NOT_LITERAL;
            }
            keyValues.add(keys.get(i).value());
            valueValues.add(values.get(i).value());
        }
        return new Parsed(PyDict.of(keyValues, valueValues), Kind.DICT, false);
    }

    private static Parsed set(List<Parsed> items) {
        List<Object> unique = new ArrayList<>();
        for (Parsed item : items) {
            if (!item.hashable()) {
                throw NOT_LITERAL;
            }
            if (unique.stream().noneMatch(existing -> PyCompare.equal(existing, item.value()))) {
                unique.add(item.value());
            }
        }
        return new Parsed(PyList.list(unique), Kind.SET, false);
    }

    private Parsed strings() {
        StringBuilder value = new StringBuilder();
        Boolean bytes = null;
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
            skipTrivia(depth > 0);
        } while (position < text.length() && startsString());
        if (formatted) {
            throw NOT_LITERAL;
        }
        return new Parsed(value.toString(), bytes ? Kind.BYTES : Kind.STR, true);
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
    private Parsed number() {
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
            return new Parsed(PyArithmetic.bigInt(new BigInteger(digits, radix)), Kind.INT, true, Shape.CONSTANT);
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
            return new Parsed(PyNone.NONE, Kind.COMPLEX, true, Shape.CONSTANT);
        }
        endOfNumber();
        String literal = text.substring(start, position).replace("_", "");
        if (isFloat) {
            return new Parsed(Double.parseDouble(literal), Kind.FLOAT, true, Shape.CONSTANT);
        }
        if (literal.length() > 1 && literal.charAt(0) == '0' && !literal.chars().allMatch(c -> c == '0')) {
            throw NOT_LITERAL; // leading zeros in decimal integer literals are not permitted
        }
        Object value = literal.length() < 19 ? (Object) Long.parseLong(literal) : PyArithmetic.bigInt(new BigInteger(literal));
        return new Parsed(value, Kind.INT, true, Shape.CONSTANT);
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

    private boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private boolean atLineEnd() {
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
    private void skipTrivia(boolean insideBrackets) {
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

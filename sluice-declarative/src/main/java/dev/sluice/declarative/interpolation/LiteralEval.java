package dev.sluice.declarative.interpolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.source.ConnectorException;
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
    enum Shape {
        CONSTANT, SIGNED, OTHER
    }

    record Parsed(Object value, Kind kind, boolean hashable, Shape shape) {
        Parsed(Object value, Kind kind, boolean hashable) {
            this(value, kind, hashable, Shape.OTHER);
        }

    }

    private static final int MAX_NESTING = 200;
    private static final LiteralScanner.NotLiteral NOT_LITERAL = LiteralScanner.NOT_LITERAL;

    private final LiteralScanner scanner;
    private final String text;
    private int depth;

    private LiteralEval(String text) {
        this.scanner = new LiteralScanner(text);
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
            parser.scanner.skipLeadingSpaces();
            Parsed result = parser.topLevel();
            parser.scanner.skipTrivia(false);
            return parser.scanner.position == text.length() ? result : null;
        } catch (LiteralScanner.NotLiteral | NumberFormatException | ArithmeticException e) {
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
        if ("TFNsrRuUbBfF".indexOf(c) < 0) {
            return false;
        }
        // A word: only True, False, None, set (as in set()) or a string prefix right before a quote can start one.
        int end = i;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        String word = text.substring(i, end);
        if (end < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '"')) {
            return word.length() <= 2;
        }
        return word.equals("True") || word.equals("False") || word.equals("None") || word.equals("set");
    }


    private Parsed topLevel() {
        Parsed first = expression();
        scanner.skipTrivia(false);
        if (!scanner.peek(',')) {
            return first;
        }
        List<Parsed> items = new ArrayList<>();
        items.add(first);
        while (scanner.peek(',')) {
            scanner.position++;
            scanner.skipTrivia(false);
            if (scanner.position >= text.length() || scanner.atLineEnd()) {
                break;
            }
            items.add(expression());
            scanner.skipTrivia(false);
        }
        return sequence(items, Kind.TUPLE);
    }

    /** A signed number, or {@code real ± complex}, or any other single literal. */
    private Parsed expression() {
        Parsed left = signedOrAtom();
        scanner.skipTrivia(depth > 0);
        if (scanner.peek('+') || scanner.peek('-')) {
            boolean realLeft = left.shape() != Shape.OTHER && (left.kind() == Kind.INT || left.kind() == Kind.FLOAT);
            scanner.position++;
            scanner.skipTrivia(depth > 0);
            Parsed right = atom();
            if (!realLeft || right.kind() != Kind.COMPLEX || right.shape() != Shape.CONSTANT) {
                throw NOT_LITERAL;
            }
            return new Parsed(PyNone.NONE, Kind.COMPLEX, true);
        }
        return left;
    }

    private Parsed signedOrAtom() {
        if (scanner.peek('-') || scanner.peek('+')) {
            char sign = text.charAt(scanner.position++);
            scanner.skipTrivia(depth > 0);
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
        if (scanner.position >= text.length()) {
            throw NOT_LITERAL;
        }
        char c = text.charAt(scanner.position);
        if (c == '(' || c == '[' || c == '{') {
            return bracketed(c);
        }
        if (c == '\'' || c == '"') {
            return scanner.strings(depth > 0);
        }
        if (Character.isDigit(c) || c == '.' && scanner.position + 1 < text.length() && Character.isDigit(text.charAt(scanner.position + 1))) {
            return scanner.number();
        }
        if (text.startsWith("...", scanner.position)) {
            scanner.position += 3;
            return new Parsed(PyNone.NONE, Kind.ELLIPSIS, true);
        }
        if (Character.isLetter(c) || c == '_') {
            return name();
        }
        throw NOT_LITERAL;
    }

    private Parsed name() {
        int start = scanner.position;
        while (scanner.position < text.length() && (Character.isLetterOrDigit(text.charAt(scanner.position)) || text.charAt(scanner.position) == '_')) {
            scanner.position++;
        }
        String word = text.substring(start, scanner.position);
        if (scanner.position < text.length() && (text.charAt(scanner.position) == '\'' || text.charAt(scanner.position) == '"')
                && word.matches("(?i)r|u|b|br|rb|f|fr|rf")) {
            scanner.position = start;
            return scanner.strings(depth > 0);
        }
        switch (word) {
            case "True": return new Parsed(true, Kind.BOOL, true);
            case "False": return new Parsed(false, Kind.BOOL, true);
            case "None": return new Parsed(PyNone.NONE, Kind.NONE, true);
            case "set":
                scanner.skipTrivia(depth > 0);
                if (scanner.peek('(')) {
                    scanner.position++;
                    depth++;
                    scanner.skipTrivia(true);
                    if (scanner.peek(')')) {
                        scanner.position++;
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
        scanner.position++;
        char close = open == '(' ? ')' : open == '[' ? ']' : '}';
        List<Parsed> keys = new ArrayList<>();
        List<Parsed> values = new ArrayList<>();
        boolean sawComma = false;
        boolean dict = false;
        scanner.skipTrivia(true);
        while (!scanner.peek(close)) {
            Parsed item = expression();
            scanner.skipTrivia(true);
            if (open == '{' && (keys.isEmpty() && scanner.peek(':') || dict)) {
                dict = true;
                if (!scanner.peek(':')) {
                    throw NOT_LITERAL;
                }
                scanner.position++;
                scanner.skipTrivia(true);
                keys.add(item);
                values.add(expression());
                scanner.skipTrivia(true);
            } else {
                values.add(item);
            }
            if (scanner.peek(',')) {
                scanner.position++;
                sawComma = true;
                scanner.skipTrivia(true);
            } else if (!scanner.peek(close)) {
                throw NOT_LITERAL;
            }
        }
        scanner.position++;
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













}

package dev.sluice.declarative.interpolation;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Jinja's default lexer: {@code {{ }}}, {@code {% %}}, {@code {# #}} with {@code -} whitespace control,
 * {@code {% raw %}}, newlines normalised to {@code \n} and one trailing newline dropped (Jinja's
 * {@code keep_trailing_newline=False}). A closing delimiter inside open brackets belongs to the expression.
 */
final class Lexer {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern FLOAT = Pattern.compile(
            "(?<!\\.)(\\d+_)*\\d+((\\.(\\d+_)*\\d+)?[eE][+\\-]?(\\d+_)*\\d+|\\.(\\d+_)*\\d+)");
    private static final Pattern INTEGER = Pattern.compile(
            "(0[bB](_?[0-1])+|0[oO](_?[0-7])+|0[xX](_?[\\da-fA-F])+|[1-9](_?\\d)*|0(_?0)*)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern STRING = Pattern.compile(
            "('([^'\\\\]*(?:\\\\.[^'\\\\]*)*)'|\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\")", Pattern.DOTALL);
    private static final Pattern OPERATOR = Pattern.compile("//|\\*\\*|==|!=|>=|<=|[+\\-/*%~\\[\\](){}><=.:|,;]");
    private static final Pattern RAW_BEGIN = Pattern.compile("\\{%-?\\s*raw\\s*-?%\\}");
    private static final Pattern RAW_END = Pattern.compile("\\{%-?\\s*endraw\\s*(-?)%\\}");

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int position;
    private boolean stripNextData;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(normalizeNewlines(text));
        lexer.run();
        return lexer.tokens;
    }

    /** Jinja splits on any newline sequence, drops one trailing empty line and joins with {@code \n}. */
    static String normalizeNewlines(String text) {
        String normalized = text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
        return normalized.endsWith("\n") ? normalized.substring(0, normalized.length() - 1) : normalized;
    }

    private void run() {
        while (position < source.length()) {
            int start = nextTagStart(position);
            if (start < 0) {
                data(source.substring(position), false);
                break;
            }
            boolean stripBefore = start + 2 < source.length() && source.charAt(start + 2) == '-';
            data(source.substring(position, start), stripBefore);
            char kind = source.charAt(start + 1);
            if (kind == '#') {
                comment(start);
            } else if (kind == '%' && rawBlock(start)) {
                continue;
            } else {
                tag(start, kind == '{');
            }
        }
        tokens.add(new Token(Token.Kind.END, "", "", source.length()));
    }

    private int nextTagStart(int from) {
        for (int i = source.indexOf('{', from); i >= 0 && i + 1 < source.length(); i = source.indexOf('{', i + 1)) {
            char next = source.charAt(i + 1);
            if (next == '{' || next == '%' || next == '#') {
                return i;
            }
        }
        return -1;
    }

    private void data(String text, boolean stripTrailing) {
        String value = text;
        if (stripNextData) {
            value = value.stripLeading();
            stripNextData = false;
        }
        if (stripTrailing) {
            value = value.stripTrailing();
        }
        if (!value.isEmpty()) {
            tokens.add(new Token(Token.Kind.DATA, value, value, position));
        }
    }

    private void comment(int start) {
        int end = source.indexOf("#}", start + 2);
        if (end < 0) {
            throw PyErrors.syntax("Missing end of comment tag");
        }
        stripNextData = source.charAt(end - 1) == '-' && end - 1 > start + 1;
        position = end + 2;
    }

    private boolean rawBlock(int start) {
        Matcher begin = RAW_BEGIN.matcher(source).region(start, source.length());
        if (!begin.lookingAt()) {
            return false;
        }
        Matcher end = RAW_END.matcher(source);
        if (!end.find(begin.end())) {
            throw PyErrors.syntax("Missing end of raw directive");
        }
        String body = source.substring(begin.end(), end.start());
        if (source.charAt(begin.end() - 3) == '-') {
            body = body.stripLeading();
        }
        if (source.charAt(end.start() + 2) == '-') {
            body = body.stripTrailing();
        }
        if (!body.isEmpty()) {
            tokens.add(new Token(Token.Kind.DATA, body, body, begin.end()));
        }
        stripNextData = !end.group(1).isEmpty();
        position = end.end();
        return true;
    }

    private void tag(int start, boolean variable) {
        tokens.add(new Token(variable ? Token.Kind.VARIABLE_BEGIN : Token.Kind.BLOCK_BEGIN, variable ? "{{" : "{%", "",
                start));
        int i = start + 2;
        if (i < source.length() && (source.charAt(i) == '-' || source.charAt(i) == '+')) {
            i++;
        }
        String close = variable ? "}}" : "%}";
        Deque<Character> brackets = new ArrayDeque<>();
        while (true) {
            Matcher space = WHITESPACE.matcher(source).region(i, source.length());
            if (space.lookingAt()) {
                i = space.end();
            }
            if (i >= source.length()) {
                throw PyErrors.syntax("unexpected end of template, expected '" + close + "'");
            }
            if (brackets.isEmpty()) {
                if (source.startsWith("-" + close, i)) {
                    stripNextData = true;
                    position = i + 3;
                    break;
                }
                if (source.startsWith(close, i)) {
                    position = i + 2;
                    break;
                }
            }
            i = token(i, brackets);
        }
        tokens.add(new Token(variable ? Token.Kind.VARIABLE_END : Token.Kind.BLOCK_END, close, "", position));
    }

    private int token(int i, Deque<Character> brackets) {
        Matcher m;
        if ((m = match(FLOAT, i)) != null) {
            String text = m.group();
            tokens.add(new Token(Token.Kind.FLOAT, text, Double.parseDouble(text.replace("_", "")), i));
        } else if ((m = match(INTEGER, i)) != null) {
            tokens.add(new Token(Token.Kind.INTEGER, m.group(), integer(m.group()), i));
        } else if ((m = match(NAME, i)) != null) {
            tokens.add(new Token(Token.Kind.NAME, m.group(), m.group(), i));
        } else if ((m = match(STRING, i)) != null) {
            String body = m.group().substring(1, m.group().length() - 1);
            tokens.add(new Token(Token.Kind.STRING, m.group(), Escapes.unescape(body, false), i));
        } else if ((m = match(OPERATOR, i)) != null) {
            String op = m.group();
            balance(op, brackets, i);
            tokens.add(new Token(Token.Kind.OPERATOR, op, op, i));
        } else {
            throw PyErrors.syntax("unexpected char '" + source.charAt(i) + "' at " + i);
        }
        return m.end();
    }

    private @Nullable Matcher match(Pattern pattern, int i) {
        Matcher m = pattern.matcher(source).region(i, source.length());
        m.useTransparentBounds(true);
        return m.lookingAt() ? m : null;
    }

    private static void balance(String op, Deque<Character> brackets, int at) {
        switch (op) {
            case "(": brackets.push(')'); break;
            case "[": brackets.push(']'); break;
            case "{": brackets.push('}'); break;
            case ")":
            case "]":
            case "}":
                if (brackets.isEmpty()) {
                    throw PyErrors.syntax("unexpected '" + op + "'");
                }
                char expected = brackets.pop();
                if (expected != op.charAt(0)) {
                    throw PyErrors.syntax("unexpected '" + op + "', expected '" + expected + "'");
                }
                break;
            default:
                break;
        }
    }

    private static Object integer(String text) {
        String digits = text.replace("_", "");
        int radix = 10;
        if (digits.length() > 1 && digits.charAt(0) == '0' && Character.isLetter(digits.charAt(1))) {
            char base = Character.toLowerCase(digits.charAt(1));
            radix = base == 'b' ? 2 : base == 'o' ? 8 : 16;
            digits = digits.substring(2);
        }
        return PyArithmetic.bigInt(new BigInteger(digits, radix));
    }
}

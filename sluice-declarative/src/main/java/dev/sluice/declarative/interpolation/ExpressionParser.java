package dev.sluice.declarative.interpolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Jinja's expression grammar, with its precedences: conditional, {@code or}, {@code and}, {@code not},
 * comparisons (chained), {@code + -}, {@code ~}, {@code * / // %}, {@code **} (left-associative, as in Jinja),
 * unary {@code - +}, then postfix access, calls, filters and tests ({@link PostfixParser}, which also holds the
 * sandbox's compile-time checks).
 */
final class ExpressionParser {

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<String> TUPLE_END_NAMES = Set.of("in", "recursive");

    private final TokenStream tokens;
    private final PostfixParser postfix;
    private int depth;

    ExpressionParser(TokenStream tokens) {
        this.tokens = tokens;
        this.postfix = new PostfixParser(tokens, this);
    }

    /** Jinja's {@code parse_tuple}: {@code a, b} without parentheses is a tuple. */
    Expr parseTuple(boolean withCondition, boolean explicitParentheses) {
        List<Expr> items = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) {
                tokens.expectOperator(",");
            }
            if (isTupleEnd()) {
                break;
            }
            items.add(withCondition ? parseExpression() : parseOr());
            if (tokens.current().isOperator(",")) {
                isTuple = true;
            } else {
                break;
            }
        }
        if (!isTuple) {
            if (!items.isEmpty()) {
                return items.get(0);
            }
            if (!explicitParentheses) {
                throw PyErrors.syntax("Expected an expression, got " + tokens.current().describe());
            }
        }
        return new Expr.ListLiteral(items, true);
    }

    private boolean isTupleEnd() {
        Token token = tokens.current();
        return token.kind() == Token.Kind.VARIABLE_END || token.kind() == Token.Kind.BLOCK_END
                || token.kind() == Token.Kind.END || token.isOperator(")")
                || token.kind() == Token.Kind.NAME && TUPLE_END_NAMES.contains(token.text());
    }

    Expr parseExpression() {
        enter();
        try {
            Expr expr = parseOr();
            while (tokens.skipName("if")) {
                Expr test = parseOr();
                @Nullable Expr otherwise = tokens.skipName("else") ? parseExpression() : null;
                expr = new Expr.Conditional(expr, test, otherwise);
            }
            return expr;
        } finally {
            depth--;
        }
    }

    Expr parseOr() {
        Expr left = parseAnd();
        while (tokens.skipName("or")) {
            left = new Expr.Or(left, parseAnd());
        }
        return left;
    }

    private Expr parseAnd() {
        Expr left = parseNot();
        while (tokens.skipName("and")) {
            left = new Expr.And(left, parseNot());
        }
        return left;
    }

    private Expr parseNot() {
        if (tokens.current().isName("not")) {
            tokens.next();
            enter();
            try {
                return new Expr.Unary("not", parseNot());
            } finally {
                depth--;
            }
        }
        return parseCompare();
    }

    private Expr parseCompare() {
        Expr first = parseMath1();
        List<String> operators = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        while (true) {
            Token token = tokens.current();
            if (token.kind() == Token.Kind.OPERATOR && COMPARISONS.contains(token.text())) {
                tokens.next();
                operators.add(token.text());
            } else if (tokens.skipName("in")) {
                operators.add("in");
            } else if (token.isName("not") && tokens.look().isName("in")) {
                tokens.next();
                tokens.next();
                operators.add("not in");
            } else {
                break;
            }
            operands.add(parseMath1());
        }
        return operators.isEmpty() ? first : new Expr.Compare(first, operators, operands);
    }

    private Expr parseMath1() {
        Expr left = parseConcat();
        while (tokens.current().isOperator("+") || tokens.current().isOperator("-")) {
            String operator = tokens.next().text();
            left = new Expr.Binary(operator, left, parseConcat());
        }
        return left;
    }

    private Expr parseConcat() {
        List<Expr> parts = new ArrayList<>();
        parts.add(parseMath2());
        while (tokens.skipOperator("~")) {
            parts.add(parseMath2());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Concat(parts);
    }

    private Expr parseMath2() {
        Expr left = parsePow();
        while (tokens.current().kind() == Token.Kind.OPERATOR && Set.of("*", "/", "//", "%").contains(tokens.current().text())) {
            String operator = tokens.next().text();
            left = new Expr.Binary(operator, left, parsePow());
        }
        return left;
    }

    private Expr parsePow() {
        Expr left = parseUnary(true);
        while (tokens.skipOperator("**")) {
            left = new Expr.Binary("**", left, parseUnary(true));
        }
        return left;
    }

    private Expr parseUnary(boolean withFilter) {
        enter();
        try {
            Expr node;
            if (tokens.current().isOperator("-") || tokens.current().isOperator("+")) {
                String operator = tokens.next().text();
                node = new Expr.Unary(operator, parseUnary(false));
            } else {
                node = parsePrimary();
            }
            node = postfix.parsePostfix(node);
            return withFilter ? postfix.parseFilterExpression(node) : node;
        } finally {
            depth--;
        }
    }

    Expr parsePrimary() {
        Token token = tokens.current();
        switch (token.kind()) {
            case NAME:
                tokens.next();
                return nameOrConstant(token.text());
            case STRING: {
                StringBuilder text = new StringBuilder();
                while (tokens.current().kind() == Token.Kind.STRING) {
                    text.append((String) tokens.next().value());
                }
                return new Expr.Literal(text.toString());
            }
            case INTEGER:
            case FLOAT:
                tokens.next();
                return new Expr.Literal(token.value());
            default:
                break;
        }
        if (tokens.skipOperator("(")) {
            Expr inner = parseTuple(true, true);
            tokens.expectOperator(")");
            return inner;
        }
        if (tokens.current().isOperator("[")) {
            return parseList();
        }
        if (tokens.current().isOperator("{")) {
            return parseDict();
        }
        throw PyErrors.syntax("unexpected " + token.describe());
    }

    private static Expr nameOrConstant(String name) {
        switch (name) {
            case "true":
            case "True":
                return new Expr.Literal(true);
            case "false":
            case "False":
                return new Expr.Literal(false);
            case "none":
            case "None":
                return new Expr.Literal(PyNone.NONE);
            default:
                Globals.checkSupported(name);
                return new Expr.Name(name);
        }
    }

    private Expr parseList() {
        tokens.expectOperator("[");
        List<Expr> items = new ArrayList<>();
        while (!tokens.current().isOperator("]")) {
            if (!items.isEmpty()) {
                tokens.expectOperator(",");
            }
            if (tokens.current().isOperator("]")) {
                break;
            }
            items.add(parseExpression());
            if (tokens.current().isName("for")) {
                throw comprehension();
            }
        }
        tokens.expectOperator("]");
        return new Expr.ListLiteral(items, false);
    }

    /** Python comprehensions are not Jinja syntax; the reference rejects them with a syntax error too. */
    private static RuntimeException comprehension() {
        return PyErrors.syntax("expected token ',', got 'for' (list comprehensions are not Jinja syntax;"
                + " use the map/select/selectattr filters)");
    }

    private Expr parseDict() {
        tokens.expectOperator("{");
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!tokens.current().isOperator("}")) {
            if (!keys.isEmpty()) {
                tokens.expectOperator(",");
            }
            if (tokens.current().isOperator("}")) {
                break;
            }
            keys.add(parseExpression());
            tokens.expectOperator(":");
            values.add(parseExpression());
        }
        tokens.expectOperator("}");
        return new Expr.DictLiteral(keys, values);
    }

    private void enter() {
        if (++depth > Limits.MAX_NESTING) {
            throw PyErrors.syntax("expression nested more than " + Limits.MAX_NESTING + " levels deep");
        }
    }
}

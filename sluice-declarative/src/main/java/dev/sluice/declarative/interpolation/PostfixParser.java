package dev.sluice.declarative.interpolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The postfix half of Jinja's expression grammar: attribute and item access, slices, calls, filters and tests.
 * The sandbox's compile-time checks live here: attribute names starting with {@code _} are refused, a call on an
 * attribute becomes a {@link Expr.MethodCall} whose name must be on a method allow-list, and filter and test names
 * must exist.
 */
final class PostfixParser {

    private final TokenStream tokens;
    private final ExpressionParser expressions;

    PostfixParser(TokenStream tokens, ExpressionParser expressions) {
        this.tokens = tokens;
        this.expressions = expressions;
    }

    Expr parsePostfix(Expr start) {
        Expr node = start;
        while (true) {
            if (tokens.current().isOperator(".") || tokens.current().isOperator("[")) {
                node = parseSubscript(node);
            } else if (tokens.current().isOperator("(")) {
                node = call(node, parseCallArguments());
            } else {
                return node;
            }
        }
    }

    Expr parseFilterExpression(Expr start) {
        Expr node = start;
        while (true) {
            if (tokens.skipOperator("|")) {
                String name = dottedName();
                Filters.checkKnown(name);
                Expr.CallArgs args = tokens.current().isOperator("(") ? parseCallArguments() : Expr.CallArgs.NONE;
                node = new Expr.Filter(node, name, args);
            } else if (tokens.current().isName("is")) {
                tokens.next();
                node = parseTest(node);
            } else if (tokens.current().isOperator("(")) {
                node = call(node, parseCallArguments());
            } else {
                return node;
            }
        }
    }

    private Expr parseTest(Expr value) {
        boolean negated = tokens.skipName("not");
        String name = dottedName();
        Tests.checkKnown(name);
        Expr.CallArgs args = Expr.CallArgs.NONE;
        Token token = tokens.current();
        if (token.isOperator("(")) {
            args = parseCallArguments();
        } else if (startsTestArgument(token)) {
            if (token.isName("is")) {
                throw PyErrors.syntax("You cannot chain multiple tests with is");
            }
            Expr argument = parsePostfix(expressions.parsePrimary());
            args = new Expr.CallArgs(List.of(argument), List.of(), List.of());
        }
        return new Expr.Test(value, name, args, negated);
    }

    private static boolean startsTestArgument(Token token) {
        switch (token.kind()) {
            case NAME:
                return !Set.of("else", "or", "and").contains(token.text());
            case STRING:
            case INTEGER:
            case FLOAT:
                return true;
            case OPERATOR:
                return token.isOperator("[") || token.isOperator("{");
            default:
                return false;
        }
    }

    private String dottedName() {
        StringBuilder name = new StringBuilder(tokens.expect(Token.Kind.NAME, "name").text());
        while (tokens.current().isOperator(".")) {
            tokens.next();
            name.append('.').append(tokens.expect(Token.Kind.NAME, "name").text());
        }
        return name.toString();
    }

    private Expr parseSubscript(Expr node) {
        if (tokens.skipOperator(".")) {
            Token token = tokens.next();
            if (token.kind() == Token.Kind.NAME) {
                return new Expr.GetAttr(node, token.text());
            }
            if (token.kind() == Token.Kind.INTEGER) {
                return new Expr.GetItem(node, new Expr.Literal(token.value()));
            }
            throw PyErrors.syntax("expected name or number");
        }
        tokens.expectOperator("[");
        List<Object> arguments = new ArrayList<>();
        while (!tokens.current().isOperator("]")) {
            if (!arguments.isEmpty()) {
                tokens.expectOperator(",");
            }
            arguments.add(parseSubscribed());
        }
        tokens.expectOperator("]");
        if (arguments.size() == 1) {
            Object only = arguments.get(0);
            return only instanceof SliceMarker ? ((SliceMarker) only).build(node) : new Expr.GetItem(node, (Expr) only);
        }
        List<Expr> items = new ArrayList<>();
        for (Object argument : arguments) {
            if (argument instanceof SliceMarker) {
                throw PyErrors.syntax("slices inside a tuple subscript are not supported");
            }
            items.add((Expr) argument);
        }
        return new Expr.GetItem(node, new Expr.ListLiteral(items, true));
    }

    /** An expression, or a {@link SliceMarker} for {@code a:b:c}. */
    private Object parseSubscribed() {
        List<@Nullable Expr> parts = new ArrayList<>();
        if (tokens.skipOperator(":")) {
            parts.add(null);
        } else {
            Expr expr = expressions.parseExpression();
            if (!tokens.skipOperator(":")) {
                return expr;
            }
            parts.add(expr);
        }
        parts.add(endsSubscript() || tokens.current().isOperator(":") ? null : expressions.parseExpression());
        if (tokens.skipOperator(":")) {
            parts.add(endsSubscript() ? null : expressions.parseExpression());
        } else {
            parts.add(null);
        }
        return new SliceMarker(parts.get(0), parts.get(1), parts.get(2));
    }

    private boolean endsSubscript() {
        return tokens.current().isOperator("]") || tokens.current().isOperator(",");
    }

    /** A parsed {@code a:b:c} awaiting its target; never evaluated. */
    private record SliceMarker(@Nullable Expr start, @Nullable Expr stop, @Nullable Expr step) {
        Expr build(Expr target) {
            return new Expr.Slice(target, start, stop, step);
        }
    }

    private Expr.CallArgs parseCallArguments() {
        tokens.expectOperator("(");
        List<Expr> positional = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!tokens.current().isOperator(")")) {
            if (!positional.isEmpty() || !names.isEmpty()) {
                tokens.expectOperator(",");
                if (tokens.current().isOperator(")")) {
                    break;
                }
            }
            if (tokens.current().isOperator("*") || tokens.current().isOperator("**")) {
                throw PyErrors.syntax("*args and **kwargs in calls are not supported");
            }
            if (tokens.current().kind() == Token.Kind.NAME && tokens.look().isOperator("=")) {
                String name = tokens.next().text();
                tokens.next();
                if (names.contains(name)) {
                    throw PyErrors.syntax("keyword argument repeated: " + name);
                }
                names.add(name);
                values.add(expressions.parseExpression());
            } else {
                if (!names.isEmpty()) {
                    throw PyErrors.syntax("invalid syntax for function call expression");
                }
                positional.add(expressions.parseExpression());
            }
        }
        tokens.expectOperator(")");
        return new Expr.CallArgs(positional, names, values);
    }

    /** {@code x.name(...)} becomes a method call checked against the allow-lists; other callees are runtime calls. */
    private static Expr call(Expr callee, Expr.CallArgs args) {
        if (callee instanceof Expr.GetAttr) {
            Expr.GetAttr attribute = (Expr.GetAttr) callee;
            Methods.checkAllowed(attribute.name());
            return new Expr.MethodCall(attribute.target(), attribute.name(), args);
        }
        return new Expr.Call(callee, args);
    }
}

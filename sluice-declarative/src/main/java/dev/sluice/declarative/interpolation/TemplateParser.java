package dev.sluice.declarative.interpolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Jinja's statements: {@code if/elif/else}, {@code for} (with {@code if} filter and {@code else}), {@code set}
 * (single, unpacking, block form) and raw text. Every other tag ({@code macro}, {@code include}, {@code import},
 * {@code call}, {@code with}, ...) is refused: the reference either lacks a loader for them or they are unused.
 */
final class TemplateParser {

    private final TokenStream tokens;
    private final ExpressionParser expressions;
    private int depth;

    private TemplateParser(List<Token> tokens) {
        this.tokens = new TokenStream(tokens);
        this.expressions = new ExpressionParser(this.tokens);
    }

    static List<Node> parse(String text) {
        TemplateParser parser = new TemplateParser(Lexer.tokenize(text));
        List<Node> nodes = parser.subparse(Set.of());
        if (parser.tokens.current().kind() != Token.Kind.END) {
            throw PyErrors.syntax("unexpected " + parser.tokens.current().describe());
        }
        return nodes;
    }

    /** Nodes up to a block tag named in {@code endTags} (left unconsumed after its {@code {%}) or the end. */
    private List<Node> subparse(Set<String> endTags) {
        if (++depth > Limits.MAX_NESTING) {
            throw PyErrors.syntax("blocks nested more than " + Limits.MAX_NESTING + " levels deep");
        }
        List<Node> nodes = new ArrayList<>();
        while (true) {
            Token token = tokens.current();
            switch (token.kind()) {
                case DATA:
                    nodes.add(new Node.Text((String) tokens.next().value()));
                    break;
                case VARIABLE_BEGIN:
                    tokens.next();
                    nodes.add(new Node.Output(expressions.parseTuple(true, false)));
                    tokens.expect(Token.Kind.VARIABLE_END, "end of print statement");
                    break;
                case BLOCK_BEGIN:
                    tokens.next();
                    Token name = tokens.current();
                    if (name.kind() == Token.Kind.NAME && endTags.contains(name.text())) {
                        depth--;
                        return nodes;
                    }
                    nodes.add(statement());
                    break;
                default:
                    if (!endTags.isEmpty()) {
                        throw PyErrors.syntax("Unexpected end of template. Jinja was looking for the following tags: "
                                + String.join(" or ", endTags.stream().map(t -> "'" + t + "'").sorted().toList()) + ".");
                    }
                    depth--;
                    return nodes;
            }
        }
    }

    private Node statement() {
        Token token = tokens.expect(Token.Kind.NAME, "statement name");
        switch (token.text()) {
            case "if":
                return parseIf();
            case "for":
                return parseFor();
            case "set":
                return parseSet();
            case "elif":
            case "else":
            case "endif":
            case "endfor":
            case "endset":
                throw PyErrors.syntax("Encountered unknown tag '" + token.text() + "'. The innermost block that needs"
                        + " to be closed is not open.");
            default:
                throw PyErrors.syntax("Encountered unknown tag '" + token.text() + "'. Sluice templates support"
                        + " if, for, set and raw.");
        }
    }

    private Node parseIf() {
        List<Expr> tests = new ArrayList<>();
        List<List<Node>> bodies = new ArrayList<>();
        List<Node> otherwise = List.of();
        tests.add(expressions.parseTuple(false, false));
        endOfStatement();
        while (true) {
            bodies.add(subparse(Set.of("elif", "else", "endif")));
            String tag = tokens.next().text();
            if (tag.equals("elif")) {
                tests.add(expressions.parseTuple(false, false));
                endOfStatement();
                continue;
            }
            if (tag.equals("else")) {
                endOfStatement();
                otherwise = subparse(Set.of("endif"));
                tokens.next();
            }
            endOfStatement();
            return new Node.If(tests, bodies, otherwise);
        }
    }

    private Node parseFor() {
        List<String> targets = new ArrayList<>();
        boolean unpack = assignTargets(targets);
        if (!tokens.skipName("in")) {
            throw PyErrors.syntax("expected 'in', got " + tokens.current().describe());
        }
        Expr iterable = expressions.parseTuple(false, false);
        @Nullable Expr filter = tokens.skipName("if") ? expressions.parseExpression() : null;
        if (tokens.current().isName("recursive")) {
            throw PyErrors.syntax("recursive loops are not supported");
        }
        endOfStatement();
        List<Node> body = subparse(Set.of("endfor", "else"));
        List<Node> otherwise = List.of();
        if (tokens.next().text().equals("else")) {
            endOfStatement();
            otherwise = subparse(Set.of("endfor"));
            tokens.next();
        }
        endOfStatement();
        return new Node.For(targets, unpack, iterable, filter, body, otherwise);
    }

    private Node parseSet() {
        List<String> targets = new ArrayList<>();
        boolean unpack = assignTargets(targets);
        if (tokens.skipOperator("=")) {
            Expr value = expressions.parseTuple(true, false);
            endOfStatement();
            return new Node.Assign(targets, unpack, value);
        }
        if (unpack) {
            throw PyErrors.syntax("expected token '=', got " + tokens.current().describe());
        }
        endOfStatement();
        List<Node> body = subparse(Set.of("endset"));
        tokens.next();
        endOfStatement();
        return new Node.AssignBlock(targets.get(0), body);
    }

    /** Jinja's assignment targets: {@code x}, {@code a, b} or {@code (a, b)}; namespace attributes are refused. */
    private boolean assignTargets(List<String> targets) {
        boolean parenthesised = tokens.skipOperator("(");
        do {
            Token name = tokens.expect(Token.Kind.NAME, "name");
            if (Set.of("true", "false", "none", "True", "False", "None").contains(name.text())) {
                throw PyErrors.syntax("can't assign to constant '" + name.text() + "'");
            }
            if (tokens.current().isOperator(".")) {
                throw PyErrors.syntax("assigning to attributes (namespace objects) is not supported");
            }
            targets.add(name.text());
        } while (tokens.skipOperator(","));
        if (parenthesised) {
            tokens.expectOperator(")");
        }
        return targets.size() > 1 || parenthesised;
    }

    private void endOfStatement() {
        tokens.expect(Token.Kind.BLOCK_END, "end of statement block");
    }
}

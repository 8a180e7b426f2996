package dev.sluice.declarative.interpolation;

import java.util.List;

/** A cursor over lexed tokens, with Jinja's error wording for unexpected tokens. */
final class TokenStream {

    private final List<Token> tokens;
    private int index;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token current() {
        return tokens.get(index);
    }

    Token look() {
        return tokens.get(Math.min(index + 1, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(index);
        if (index < tokens.size() - 1) {
            index++;
        }
        return token;
    }

    boolean skipOperator(String operator) {
        if (current().isOperator(operator)) {
            next();
            return true;
        }
        return false;
    }

    boolean skipName(String name) {
        if (current().isName(name)) {
            next();
            return true;
        }
        return false;
    }

    Token expectOperator(String operator) {
        if (!current().isOperator(operator)) {
            throw PyErrors.syntax("expected token '" + operator + "', got " + current().describe());
        }
        return next();
    }

    Token expect(Token.Kind kind, String what) {
        if (current().kind() != kind) {
            throw PyErrors.syntax("expected " + what + ", got " + current().describe());
        }
        return next();
    }
}

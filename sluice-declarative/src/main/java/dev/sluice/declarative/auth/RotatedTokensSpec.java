package dev.sluice.declarative.auth;

import dev.sluice.declarative.manifest.KindUnion;
import java.util.List;

/**
 * {@code RateLimitedMultipleTokenAuthenticator.tokens}: one template whose text holds the tokens separated by
 * {@code token_delimiter}, or a list of templates, one token each.
 */
@KindUnion
public sealed interface RotatedTokensSpec permits RotatedTokensSpec.Joined, RotatedTokensSpec.Listed {

    /** {@code tokens: "{{ config['tokens'] }}"}. */
    record Joined(String template) implements RotatedTokensSpec {
    }

    /** {@code tokens: ["{{ config['token_1'] }}", "{{ config['token_2'] }}"]}. */
    record Listed(List<String> templates) implements RotatedTokensSpec {
        public Listed {
            if (templates == null || templates.isEmpty()) {
                throw new IllegalArgumentException("tokens must not be an empty list");
            }
            templates = List.copyOf(templates);
        }
    }
}

package dev.sluice.declarative.interpolation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * The reference's {@code InterpolatedString}: a template evaluated with {@code parameters} (the component's
 * {@code $parameters}) added to the context. Its default is the template itself, so an empty render re-renders and
 * yields {@code ""} rather than {@code null}; plain strings come back as literal-cast text ({@code "123"} is the
 * integer 123, {@code "hello"} is {@code "hello"}).
 *
 * <pre>{@code url_base: "https://{{ config['region'] }}.example.com/api"}</pre>
 */
public final class InterpolatedString {

    private final Template template;
    private final Template fallback;
    private final JsonNode parameters;
    private final @Nullable JsonNode constant;

    private InterpolatedString(Template template, Template fallback, JsonNode parameters) {
        this.template = template;
        this.fallback = fallback;
        this.parameters = parameters;
        this.constant = template.isLiteral() && !template.text().contains("stream_state") ? literalValue() : null;
    }

    /** @throws dev.sluice.declarative.manifest.ManifestException when the text does not compile */
    public static InterpolatedString of(String text, JsonNode parameters) {
        return of(text, parameters, null);
    }

    /** With an explicit default, rendered when the template renders empty (an empty default means none). */
    public static InterpolatedString of(String text, JsonNode parameters, @Nullable String defaultText) {
        Template template = Template.compile(requireNonNull(text, "text is null"));
        Template fallback = defaultText == null || defaultText.isEmpty() ? template : Template.compile(defaultText);
        return new InterpolatedString(template, fallback, requireNonNull(parameters, "parameters is null"));
    }

    /** A literal's value never changes; containers are not cached because callers could mutate them. */
    private @Nullable JsonNode literalValue() {
        JsonNode value = LiteralEval.cast(Lexer.normalizeNewlines(template.text()), LiteralTypes.ANY);
        return value.isValueNode() ? value : null;
    }

    public String text() {
        return template.text();
    }

    public Template template() {
        return template;
    }

    /** The key paths at which the template (or its default) reads the variable {@code name}. */
    public KeyPaths keyPaths(String name) {
        return fallback == template ? template.keyPaths(name) : template.keyPaths(name).plus(fallback.keyPaths(name));
    }

    /** The literal-cast value; {@code null} only when the default itself renders to nothing castable. */
    public @Nullable JsonNode eval(InterpolationContext context) {
        if (constant != null) {
            return constant;
        }
        return template.eval(context.with("parameters", parameters), LiteralTypes.ANY, fallback);
    }

    /**
     * The value cast to {@code validTypes} only (the reference's {@code eval(config, valid_types=...)}); the text
     * itself when it is no literal of those types.
     */
    public @Nullable JsonNode eval(InterpolationContext context, LiteralTypes validTypes) {
        return template.eval(context.with("parameters", parameters), validTypes, fallback);
    }

    /** Python's {@code str()} of {@link #eval}, for places where the reference stringifies the result. */
    public String evalString(InterpolationContext context) {
        return PythonText.str(eval(context));
    }
}

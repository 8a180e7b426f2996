package dev.sluice.declarative.interpolation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.memo.BoundedMemo;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Jinja template compiled once: lexed, parsed, sandbox-checked and analysed for free variables. Thread-safe and
 * immutable; evaluate it any number of times against different {@link InterpolationContext}s.
 *
 * <p>Evaluation follows the reference's {@code JinjaInterpolation.eval}: a template whose text mentions
 * {@code stream_state} fails with a {@code config_error}; a free variable missing from the context fails; the
 * template renders to text (Python {@code str()} of every value); a Python {@code TypeError} while rendering makes
 * the result the template's own text (the reference's {@code _eval} does that); an empty render, or a render that
 * touched an undefined value, yields the default. {@link #eval} then reads the text as a Python literal.
 */
public final class Template {

    private static final int CACHE_LIMIT = 20_000;
    private static final BoundedMemo<String, Template> COMPILED = BoundedMemo.of(CACHE_LIMIT, Template::parseTemplate);
    private static final String STREAM_STATE = "stream_state";
    private static final String STREAM_STATE_MESSAGE = "`stream_state` is no longer supported for interpolation."
            + " We recommend using `stream_interval` instead. Please reference the CDK Migration Guide for more"
            + " information.";

    private final String text;
    private final List<Node> nodes;
    private final Set<String> freeVariables;
    private final Map<String, KeyPaths> keyPaths;
    private final String[] freeVariableArray;
    private final boolean literal;
    private final boolean mentionsStreamState;

    private Template(String text, List<Node> nodes, boolean literal) {
        this.text = text;
        this.nodes = nodes;
        this.literal = literal;
        this.freeVariables = FreeVariables.of(nodes);
        this.keyPaths = FreeVariables.paths(nodes);
        this.freeVariableArray = freeVariables.toArray(new String[0]);
        this.mentionsStreamState = text.contains(STREAM_STATE);
    }

    /**
     * Compiles (or returns the cached compilation of) a template.
     *
     * @throws ManifestException with an empty path for syntax errors and sandbox violations (private attributes,
     *     methods on no allow-list, unknown filters or tests, unsupported tags); callers add the YAML location
     */
    public static Template compile(String text) {
        return COMPILED.get(text);
    }

    private static Template parseTemplate(String text) {
        boolean literal = !text.contains("{{") && !text.contains("{%") && !text.contains("{#");
        List<Node> nodes = literal ? List.of(new Node.Text(Lexer.normalizeNewlines(text))) : parse(text);
        return new Template(text, nodes, literal);
    }

    private static List<Node> parse(String text) {
        try {
            return TemplateParser.parse(text);
        } catch (ManifestException e) {
            throw new ManifestException("", 0, "invalid template " + PyText.repr(text) + ": " + e.problem(), e);
        } catch (ConnectorException e) {
            throw new ManifestException("", 0, "invalid template " + PyText.repr(text) + ": " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new ManifestException("template " + PyText.repr(text) + " is nested too deeply");
        }
    }

    public String text() {
        return text;
    }

    /** True when the text has no <code>{{</code>, <code>{%</code> or <code>{#</code>: it renders as itself (newlines normalised). */
    public boolean isLiteral() {
        return literal;
    }

    /** Names the template reads from its context; each must be bound when it is evaluated. */
    public Set<String> freeVariables() {
        return freeVariables;
    }

    /** The key paths at which the template reads the free variable {@code name}; none when it is not free here. */
    public KeyPaths keyPaths(String name) {
        return keyPaths.getOrDefault(name, KeyPaths.NONE);
    }

    /**
     * The rendered text.
     *
     * @throws ConnectorException {@code config_error} when the template mentions {@code stream_state};
     *     {@code system_error} for undeclared variables, undefined values used in operations, and Python errors
     *     other than {@code TypeError} (which renders as the template text, as in the reference)
     */
    public String render(InterpolationContext context) {
        Outcome outcome = outcome(context);
        if (outcome.text() == null) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Template " + PyText.repr(text)
                    + " used an undefined value: " + outcome.undefinedHint());
        }
        return outcome.text();
    }

    /**
     * Renders, then reads the text as a Python literal restricted to {@code validTypes} (the text itself when it is
     * not such a literal). An empty render, or one that touched an undefined value, gives {@code null}; Python's
     * {@code None} gives a {@code NullNode}. Tuples and sets become arrays; non-string dict keys become text.
     */
    public @Nullable JsonNode eval(InterpolationContext context, LiteralTypes validTypes) {
        return eval(context, validTypes, null);
    }

    /**
     * {@link #eval} with the reference's {@code default}: rendered (strictly) when this one renders empty or touches
     * an undefined value. Passing the template itself is the reference's {@code InterpolatedString} (its default is
     * its own text): an empty render gives {@code ""}, and an undefined error raises again from the second render.
     *
     * @throws ConnectorException {@code system_error} when {@code fallback} touches an undefined value
     */
    public @Nullable JsonNode eval(InterpolationContext context, LiteralTypes validTypes, @Nullable Template fallback) {
        String rendered = renderOrUndefined(context);
        if (rendered != null && !rendered.isEmpty()) {
            return LiteralEval.cast(rendered, validTypes);
        }
        if (fallback == null) {
            return null;
        }
        return LiteralEval.cast(fallback.render(context), validTypes);
    }

    /** The rendered text, or {@code null} when Jinja would raise {@code UndefinedError}. */
    @Nullable String renderOrUndefined(InterpolationContext context) {
        return outcome(context).text();
    }

    /** A render's text, or (text {@code null}) the hint of the undefined value that stopped it. */
    private record Outcome(@Nullable String text, String undefinedHint) {
    }

    private Outcome outcome(InterpolationContext context) {
        if (mentionsStreamState) {
            throw new ConfigException(STREAM_STATE_MESSAGE);
        }
        checkDeclared(context);
        if (literal) {
            return new Outcome(((Node.Text) nodes.get(0)).text(), "");
        }
        StringBuilder out = new StringBuilder();
        try {
            Node.renderAll(nodes, Frame.root(context), out);
        } catch (UndefinedError e) {
            return new Outcome(null, e.getMessage());
        } catch (PyTypeError e) {
            return new Outcome(text, "");
        } catch (StackOverflowError e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Template " + PyText.repr(text)
                    + " nests values too deeply to render");
        }
        return new Outcome(out.toString(), "");
    }

    private void checkDeclared(InterpolationContext context) {
        @Nullable StringBuilder missing = null;
        for (String name : freeVariableArray) {
            if (!context.has(name)) {
                missing = (missing == null ? new StringBuilder("{") : missing.append(", ")).append('\'').append(name)
                        .append('\'');
            }
        }
        if (missing != null) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Jinja macro has undeclared variables: "
                    + missing.append('}') + " in template " + PyText.repr(text) + "; the context has "
                    + context.names());
        }
    }

    @Override
    public String toString() {
        return "Template" + PyText.repr(text);
    }
}

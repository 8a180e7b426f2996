package dev.sluice.declarative.interpolation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reference's {@code InterpolatedBoolean}: the condition is evaluated with default {@code "False"} and is false
 * exactly when the result is one of {@code "False" "false" "{}" "[]" "()" "" "0" "0.0"}, {@code False}, {@code 0},
 * {@code 0.0} or an empty dict, list, tuple or set. Everything else is true — including {@code None}, so
 * {@code {{ config.get('missing') }}} is true while {@code {{ config['missing'] }}} (empty render) is false.
 *
 * <pre>{@code condition: "{{ record['status'] != 'deleted' }}"}</pre>
 */
public final class InterpolatedBoolean {

    private static final Set<String> FALSE_TEXTS = Set.of("False", "false", "{}", "[]", "()", "", "0", "0.0");
    private static final Template DEFAULT = Template.compile("False");

    private final @Nullable Template condition;
    private final boolean constant;
    private final JsonNode parameters;

    private InterpolatedBoolean(@Nullable Template condition, boolean constant, JsonNode parameters) {
        this.condition = condition;
        this.constant = constant;
        this.parameters = parameters;
    }

    /** @throws dev.sluice.declarative.manifest.ManifestException when the condition does not compile */
    public static InterpolatedBoolean of(String condition, JsonNode parameters) {
        return new InterpolatedBoolean(Template.compile(requireNonNull(condition, "condition is null")), false,
                requireNonNull(parameters, "parameters is null"));
    }

    /** A YAML boolean ({@code condition: true}) is returned as is. */
    public static InterpolatedBoolean of(boolean condition) {
        return new InterpolatedBoolean(null, condition, com.fasterxml.jackson.databind.node.NullNode.getInstance());
    }

    /** The key paths at which the condition reads the variable {@code name}. */
    public KeyPaths keyPaths(String name) {
        return condition == null ? KeyPaths.NONE : condition.keyPaths(name);
    }

    public boolean eval(InterpolationContext context) {
        if (condition == null) {
            return constant;
        }
        return isTrue(condition.eval(context.with("parameters", parameters), LiteralTypes.ANY, DEFAULT));
    }

    static boolean isTrue(@Nullable JsonNode value) {
        if (value == null) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0.0;
        }
        if (value.isContainerNode()) {
            return value.size() > 0;
        }
        if (value.isTextual()) {
            return !FALSE_TEXTS.contains(value.textValue());
        }
        return true;
    }
}

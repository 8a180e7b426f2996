package dev.sluice.declarative.interpolation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The reference's {@code InterpolatedMapping}: a flat map whose keys and string values are templates. Keys are
 * cast with {@link LiteralTypes#STRING} unless the caller passes other key types (the headers provider passes
 * {@link LiteralTypes#ANY}); string values with the given value types; non-string values are copied. JSON keys are
 * text, so a key that evaluates to another type is written as Python's {@code str()} of it ({@code 7}, {@code None}).
 *
 * <pre>{@code request_parameters: {"{{ parameters.key }}": "{{ config['value'] }}", limit: 100}}</pre>
 */
public final class InterpolatedMapping {

    private record Entry(Template key, @Nullable Template template, JsonNode constant) {
    }

    private final List<Entry> entries;
    private final JsonNode parameters;

    private InterpolatedMapping(List<Entry> entries, JsonNode parameters) {
        this.entries = entries;
        this.parameters = parameters;
    }

    /** @throws dev.sluice.declarative.manifest.ManifestException when a key or value does not compile */
    public static InterpolatedMapping of(JsonNode mapping, JsonNode parameters) {
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = mapping.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            @Nullable Template template = value.isTextual() ? Template.compile(value.textValue()) : null;
            entries.add(new Entry(Template.compile(field.getKey()), template, value));
        }
        return new InterpolatedMapping(List.copyOf(entries), requireNonNull(parameters, "parameters is null"));
    }

    /** Keys as strings, values fully cast. */
    public ObjectNode eval(InterpolationContext context) {
        return eval(context, LiteralTypes.STRING, LiteralTypes.ANY);
    }

    /** A {@code null} evaluation (empty render) is stored as JSON null, Python's {@code None}. */
    public ObjectNode eval(InterpolationContext context, LiteralTypes keyTypes, LiteralTypes valueTypes) {
        InterpolationContext scoped = context.with("parameters", parameters);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (Entry entry : entries) {
            String key = PythonText.str(entry.key().eval(scoped, keyTypes));
            JsonNode value = entry.template() == null ? entry.constant() : entry.template().eval(scoped, valueTypes);
            result.set(key, value == null ? NullNode.getInstance() : value);
        }
        return result;
    }
}

package dev.sluice.declarative.interpolation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The reference's {@code InterpolatedNestedMapping} ({@code request_body_json}): every string in a nested structure
 * — keys and leaves — is a template, cast without type restriction. Object entries whose value evaluates to null
 * are dropped; null list items are kept. Non-string leaves are copied.
 *
 * <pre>{@code request_body_json: {filter: {since: "{{ stream_interval.start_time }}", ids: ["{{ config.id }}"]}}}</pre>
 */
public final class InterpolatedNestedMapping {

    /** The compiled shape of the YAML value. */
    private sealed interface Shape permits Leaf, Text, ObjectShape, ArrayShape {
    }

    private record Leaf(JsonNode value) implements Shape {
    }

    private record Text(Template template) implements Shape {
    }

    private record ObjectShape(List<Template> keys, List<Shape> values) implements Shape {
    }

    private record ArrayShape(List<Shape> items) implements Shape {
    }

    private final Shape shape;
    private final JsonNode parameters;

    private InterpolatedNestedMapping(Shape shape, JsonNode parameters) {
        this.shape = shape;
        this.parameters = parameters;
    }

    /** @throws dev.sluice.declarative.manifest.ManifestException when a key or string does not compile */
    public static InterpolatedNestedMapping of(JsonNode mapping, JsonNode parameters) {
        return new InterpolatedNestedMapping(compile(mapping, 0), requireNonNull(parameters, "parameters is null"));
    }

    private static Shape compile(JsonNode node, int depth) {
        if (depth > Limits.MAX_NESTING * 10) {
            throw new dev.sluice.declarative.manifest.ManifestException("request body nested too deeply");
        }
        if (node.isTextual()) {
            return new Text(Template.compile(node.textValue()));
        }
        if (node.isObject()) {
            List<Template> keys = new ArrayList<>();
            List<Shape> values = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                keys.add(Template.compile(field.getKey()));
                values.add(compile(field.getValue(), depth + 1));
            }
            return new ObjectShape(List.copyOf(keys), List.copyOf(values));
        }
        if (node.isArray()) {
            List<Shape> items = new ArrayList<>();
            for (JsonNode item : node) {
                items.add(compile(item, depth + 1));
            }
            return new ArrayShape(List.copyOf(items));
        }
        return new Leaf(node);
    }

    public @Nullable JsonNode eval(InterpolationContext context) {
        return eval(shape, context.with("parameters", parameters));
    }

    private static @Nullable JsonNode eval(Shape shape, InterpolationContext context) {
        if (shape instanceof Text) {
            return ((Text) shape).template().eval(context, LiteralTypes.ANY);
        }
        if (shape instanceof ObjectShape) {
            ObjectShape object = (ObjectShape) shape;
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < object.keys().size(); i++) {
                String key = PythonText.str(object.keys().get(i).eval(context, LiteralTypes.ANY));
                JsonNode value = eval(object.values().get(i), context);
                if (value != null && !value.isNull()) {
                    result.set(key, value);
                }
            }
            return result;
        }
        if (shape instanceof ArrayShape) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            for (Shape item : ((ArrayShape) shape).items()) {
                JsonNode value = eval(item, context);
                result.add(value == null ? NullNode.getInstance() : value);
            }
            return result;
        }
        return ((Leaf) shape).value();
    }
}

package dev.sluice.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.LiteralTypes;
import dev.sluice.declarative.interpolation.Template;
import dev.sluice.declarative.manifest.LineMap;
import dev.sluice.declarative.manifest.ManifestBinder;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestPath;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code dynamic_streams} whose {@code components_resolver} is a {@code ConfigComponentsResolver}: one stream per
 * value found in the config at {@code stream_config.configs_pointer} (a list gives one per element, and
 * {@code default_values} add more), each a copy of {@code stream_template} with every
 * {@code components_mapping} applied: the rendered {@code value} (with {@code components_values}, the item, and
 * {@code stream_template_config}) written at {@code field_path}. A path step {@code *} matches every key or
 * index of one level, {@code **} any number of levels (none included), as {@code dpath} globs; a path that
 * matches nothing changes nothing unless {@code create_or_update} is true. The other resolvers remain
 * unsupported and say so.
 */
final class DynamicStreams {

    private DynamicStreams() {
    }

    /** The streams the dynamic stream definitions generate for the context's config. */
    static List<StreamSpec> resolve(JsonNode definitions, BuildContext context) {
        List<StreamSpec> streams = new ArrayList<>();
        ManifestPath list = ManifestPath.root().field("dynamic_streams");
        for (int i = 0; i < definitions.size(); i++) {
            JsonNode definition = definitions.get(i);
            ManifestPath at = list.index(i);
            JsonNode resolver = definition.path("components_resolver");
            String type = resolver.path("type").asText("");
            if (!type.equals("ConfigComponentsResolver")) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, at.field("components_resolver")
                        + ": unsupported component " + (type.isEmpty() ? "(no type)" : type)
                        + " (dynamic streams support ConfigComponentsResolver)");
            }
            JsonNode template = definition.path("stream_template");
            if (!template.isObject()) {
                throw new ManifestException(at.field("stream_template").toString(), -1, "a stream template is required");
            }
            int index = 0;
            for (JsonNode item : items(resolver.path("stream_config"), context)) {
                ObjectNode stream = ((ObjectNode) template).deepCopy();
                InterpolationContext values = context.interpolation().with("components_values", item)
                        .with("stream_template_config", template);
                for (JsonNode mapping : resolver.path("components_mapping")) {
                    apply(stream, mapping, values);
                }
                streams.add(ManifestBinder.bind(stream, StreamSpec.class, at.field("stream_template").index(index++),
                        new LineMap()));
            }
        }
        return streams;
    }

    /** The config values the streams are made from, in order; several stream configs combine as a product. */
    private static List<JsonNode> items(JsonNode streamConfigs, BuildContext context) {
        List<JsonNode> configs = new ArrayList<>();
        if (streamConfigs.isArray()) {
            streamConfigs.forEach(configs::add);
        } else {
            configs.add(streamConfigs);
        }
        List<JsonNode> product = new ArrayList<>();
        product.add(null);
        for (JsonNode streamConfig : configs) {
            List<JsonNode> found = new ArrayList<>();
            JsonNode value = context.config().json();
            for (JsonNode step : streamConfig.path("configs_pointer")) {
                value = value.isArray() && step.asText().matches("\\d+") ? value.path(Integer.parseInt(step.asText()))
                        : value.path(step.asText());
            }
            if (value.isArray()) {
                value.forEach(found::add);
            } else if (!value.isMissingNode() && !value.isNull()) {
                found.add(value);
            }
            streamConfig.path("default_values").forEach(found::add);
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode left : product) {
                for (JsonNode right : found) {
                    next.add(left == null ? right : merged(left, right));
                }
            }
            product = next;
        }
        return product.stream().filter(item -> item != null).toList();
    }

    private static JsonNode merged(JsonNode left, JsonNode right) {
        if (left.isObject() && right.isObject()) {
            ObjectNode merged = ((ObjectNode) left).deepCopy();
            merged.setAll(((ObjectNode) right).deepCopy());
            return merged;
        }
        ArrayNode pair = Json.nodes().arrayNode();
        return pair.add(left).add(right);
    }

    private static void apply(ObjectNode stream, JsonNode mapping, InterpolationContext values) {
        List<String> path = new ArrayList<>();
        mapping.path("field_path").forEach(step -> path.add(step.asText()));
        if (path.isEmpty()) {
            return;
        }
        JsonNode condition = mapping.path("condition");
        if (condition.isTextual() && !condition.asText().isBlank()) {
            JsonNode holds = InterpolatedString.of(condition.asText(), Json.object()).eval(values);
            if (holds == null || !truthy(holds)) {
                return;
            }
        }
        JsonNode value = render(mapping, values);
        boolean create = mapping.path("create_or_update").asBoolean(false);
        set(stream, path, 0, value, create);
    }

    private static JsonNode render(JsonNode mapping, InterpolationContext values) {
        JsonNode declared = mapping.path("value");
        if (!declared.isTextual()) {
            return declared.deepCopy();
        }
        String type = mapping.path("value_type").asText("");
        LiteralTypes kind = switch (type.toLowerCase(Locale.ROOT)) {
            case "string" -> LiteralTypes.STRING;
            case "number" -> LiteralTypes.NUMBER;
            case "integer" -> LiteralTypes.INTEGER;
            case "boolean" -> LiteralTypes.BOOLEAN;
            default -> LiteralTypes.ANY;
        };
        JsonNode rendered = Template.compile(declared.asText()).eval(values.with("parameters", Json.object()), kind);
        return rendered == null ? Json.nodes().nullNode() : rendered;
    }

    /** Writes {@code value} at every place {@code path} (from {@code step} on) matches under {@code node}. */
    private static void set(JsonNode node, List<String> path, int step, JsonNode value, boolean create) {
        String key = path.get(step);
        boolean last = step == path.size() - 1;
        if (key.equals("**")) {
            // Zero levels, then one more level of the same glob beneath every child.
            set(node, path, step + 1, value, create);
            children(node).forEach(child -> {
                if (child.isContainerNode()) {
                    set(child, path, step, value, false);
                }
            });
            return;
        }
        if (key.equals("*")) {
            if (node.isObject()) {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                names.forEach(name -> setAt(node, name, path, step, last, value, false));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    setAt(node, String.valueOf(i), path, step, last, value, false);
                }
            }
            return;
        }
        setAt(node, key, path, step, last, value, create);
    }

    private static void setAt(JsonNode node, String key, List<String> path, int step, boolean last, JsonNode value,
            boolean create) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (last) {
                if (object.has(key) || create) {
                    object.set(key, value.deepCopy());
                }
            } else if (object.get(key) != null && object.get(key).isContainerNode()) {
                set(object.get(key), path, step + 1, value, create);
            } else if (create) {
                set(object.putObject(key), path, step + 1, value, true);
            }
        } else if (node.isArray() && key.matches("\\d+")) {
            ArrayNode array = (ArrayNode) node;
            int index = Integer.parseInt(key);
            if (index >= array.size()) {
                return;
            }
            if (last) {
                array.set(index, value.deepCopy());
            } else if (array.get(index).isContainerNode()) {
                set(array.get(index), path, step + 1, value, create);
            }
        }
    }

    private static List<JsonNode> children(JsonNode node) {
        List<JsonNode> children = new ArrayList<>();
        node.elements().forEachRemaining(children::add);
        return children;
    }

    private static boolean truthy(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.asText().isEmpty();
        }
        return !value.isNull() && !(value.isContainerNode() && value.isEmpty());
    }
}

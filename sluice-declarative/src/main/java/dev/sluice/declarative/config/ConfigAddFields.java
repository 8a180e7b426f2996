package dev.sluice.declarative.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.LiteralTypes;
import dev.sluice.declarative.interpolation.Template;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link ConfigAddFieldsSpec}: fields are added in order to a copy of the config, and each template sees
 * the copy as edited so far (the reference edits the config in place).
 */
final class ConfigAddFields implements ConfigTransformation {

    record Field(List<String> path, Template value, LiteralTypes types) {
    }

    private static final TextNode EMPTY = TextNode.valueOf("");

    private final List<Field> fields;
    private final @Nullable InterpolatedBoolean condition;

    ConfigAddFields(List<Field> fields, @Nullable InterpolatedBoolean condition) {
        this.fields = List.copyOf(fields);
        this.condition = condition;
    }

    @Override
    public Config transform(Config config) {
        ObjectNode copy = config.json().deepCopy();
        for (Field field : fields) {
            InterpolationContext context = InterpolationContext.of(copy).with("parameters", Json.object());
            JsonNode value = field.value().eval(context, field.types());
            if (value == null) {
                value = EMPTY;
            }
            if (condition != null && !condition.eval(context.with("value", value).with("path", pathNode(field.path())))) {
                continue;
            }
            ConfigPaths.set(copy, field.path(), value);
        }
        return new Config(copy);
    }

    private static ArrayNode pathNode(List<String> path) {
        ArrayNode node = Json.nodes().arrayNode();
        path.forEach(node::add);
        return node;
    }
}

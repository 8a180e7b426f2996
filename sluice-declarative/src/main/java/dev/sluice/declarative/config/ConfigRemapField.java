package dev.sluice.declarative.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolatedMapping;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.source.Config;
import java.util.ArrayList;
import java.util.List;

/**
 * Runtime of {@link ConfigRemapFieldSpec}. Only objects are walked (a list or scalar on the way leaves the config
 * unchanged), and only a string value can match, since the rendered map's keys are strings — as in the reference,
 * where a number never equals a string key.
 */
final class ConfigRemapField implements ConfigTransformation {

    private final List<InterpolatedString> fieldPath;
    private final InterpolatedMapping map;

    ConfigRemapField(List<InterpolatedString> fieldPath, InterpolatedMapping map) {
        this.fieldPath = List.copyOf(fieldPath);
        this.map = map;
    }

    @Override
    public Config transform(Config config) {
        InterpolationContext context = InterpolationContext.of(config.json());
        List<String> path = new ArrayList<>(fieldPath.size());
        fieldPath.forEach(segment -> path.add(segment.evalString(context)));
        JsonNode parent = config.json();
        for (String segment : path.subList(0, path.size() - 1)) {
            parent = parent.get(segment);
            if (parent == null || !parent.isObject()) {
                return config;
            }
        }
        String field = path.get(path.size() - 1);
        JsonNode current = parent.get(field);
        if (current == null || !current.isTextual()) {
            return config;
        }
        ObjectNode mapping = map.eval(context);
        JsonNode replacement = mapping.get(current.textValue());
        if (replacement == null) {
            return config;
        }
        ObjectNode copy = config.json().deepCopy();
        ObjectNode target = copy;
        for (String segment : path.subList(0, path.size() - 1)) {
            target = (ObjectNode) target.get(segment);
        }
        target.set(field, replacement);
        return new Config(copy);
    }
}

package dev.sluice.declarative.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.transform.DpathGlob;
import dev.sluice.source.Config;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link ConfigRemoveFieldsSpec}. Unlike the record transformation, the condition is judged once, on
 * the whole config, before any pointer (the reference's {@code ConfigRemoveFields}).
 */
final class ConfigRemoveFields implements ConfigTransformation {

    private final List<DpathGlob> pointers;
    private final @Nullable InterpolatedBoolean condition;

    ConfigRemoveFields(List<DpathGlob> pointers, @Nullable InterpolatedBoolean condition) {
        this.pointers = List.copyOf(pointers);
        this.condition = condition;
    }

    @Override
    public Config transform(Config config) {
        if (condition != null && !condition.eval(InterpolationContext.of(config.json()))) {
            return config;
        }
        ObjectNode copy = config.json().deepCopy();
        pointers.forEach(pointer -> ConfigPaths.delete(copy, pointer));
        return copy.equals(config.json()) ? config : new Config(copy);
    }
}

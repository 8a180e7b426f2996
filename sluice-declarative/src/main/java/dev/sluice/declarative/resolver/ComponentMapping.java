package dev.sluice.declarative.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.LiteralTypes;
import dev.sluice.declarative.manifest.YamlValues;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of a {@link ComponentMappingDefinitionSpec}: writes one rendered value into a generated stream's tree.
 * The value is cast as the reference's {@code InterpolatedString} casts it (limited to {@code value_type}), then,
 * for the config and parametrized resolvers, read as YAML (a string typed {@code string} stays as it is).
 */
final class ComponentMapping {

    /**
     * What the reference's resolver of each kind honours.
     *
     * @param yaml how a rendered string is read as YAML; null to keep it as it is
     * @param stringTypedStaysText whether a value typed {@code string} skips the YAML reading
     */
    record Rules(boolean conditions, boolean createOrUpdate, YamlValues.@Nullable Leniency yaml,
            boolean stringTypedStaysText) {
        static final Rules CONFIG = new Rules(true, true, YamlValues.Leniency.PARSER_ERRORS_AND_FORMATS, true);
        static final Rules PARAMETRIZED = new Rules(false, true, YamlValues.Leniency.PARSER_ERRORS, false);
        static final Rules HTTP = new Rules(false, false, null, false);
    }

    private final List<InterpolatedString> fieldPath;
    private final InterpolatedString value;
    private final LiteralTypes types;
    private final boolean createOrUpdate;
    private final @Nullable InterpolatedBoolean condition;
    private final Rules rules;

    ComponentMapping(List<InterpolatedString> fieldPath, InterpolatedString value, LiteralTypes types,
            @Nullable InterpolatedBoolean condition, boolean createOrUpdate, Rules rules) {
        this.fieldPath = List.copyOf(fieldPath);
        this.value = value;
        this.types = types;
        this.condition = condition;
        this.createOrUpdate = createOrUpdate;
        this.rules = rules;
    }

    /** Applies the mapping to {@code stream} (changed in place: it is the resolver's own copy of the template). */
    void apply(ObjectNode stream, InterpolationContext values) {
        if (condition != null && !condition.eval(values)) {
            return;
        }
        JsonNode rendered = value.eval(values, types);
        JsonNode written = rendered == null ? NullNode.getInstance() : rendered;
        YamlValues.Leniency yaml = rules.yaml();
        if (yaml != null && written.isTextual() && !(rules.stringTypedStaysText() && types == LiteralTypes.STRING)) {
            written = YamlValues.parse(written.textValue(), yaml);
        }
        List<String> path = fieldPath.stream().map(segment -> segment.evalString(values)).toList();
        int updated = DpathGlob.set(stream, path, written);
        if (updated == 0 && createOrUpdate && truthy(written)) {
            DpathGlob.create(stream, path, written);
        }
    }

    /** Python's truth of a value. */
    private static boolean truthy(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return !value.isEmpty();
    }
}

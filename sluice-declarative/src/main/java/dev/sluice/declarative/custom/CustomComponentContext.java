package dev.sluice.declarative.custom;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.manifest.SpecLocation;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a custom component's class is constructed with: the component's fields as the manifest declared them
 * (after {@code $ref} resolution and {@code $parameters} propagation, without {@code type} and
 * {@code class_name}), its {@code $parameters}, and the {@link BuildContext} of the source (config, run, clock).
 * A read-only view: every JSON value handed out is a copy.
 *
 * <p>A class with a public constructor taking this context gets it; a class with only a public no-argument
 * constructor is built without. Typed getters fail with a {@code config_error} naming the field and where the
 * manifest declared the component.
 */
public final class CustomComponentContext {

    private final String className;
    private final ObjectNode fields;
    private final ObjectNode parameters;
    private final BuildContext build;
    private final SpecLocation location;

    /**
     * @param fields     the component's fields (a copy is kept; {@code type}, {@code class_name} and
     *                   {@code $parameters} are left out)
     * @param parameters the component's {@code $parameters} (a copy is kept)
     */
    public CustomComponentContext(String className, ObjectNode fields, ObjectNode parameters, BuildContext build,
            SpecLocation location) {
        this.className = requireNonNull(className, "className is null");
        this.fields = requireNonNull(fields, "fields is null").deepCopy();
        this.fields.remove(List.of("type", "class_name", "$parameters"));
        this.parameters = requireNonNull(parameters, "parameters is null").deepCopy();
        this.build = requireNonNull(build, "build is null");
        this.location = requireNonNull(location, "location is null");
    }

    /** The {@code class_name} the component was declared with. */
    public String className() {
        return className;
    }

    /** Where the manifest declared the component ({@link SpecLocation#UNKNOWN} when not from a manifest). */
    public SpecLocation location() {
        return location;
    }

    /** The source's build context: config, run (HTTP transport, secrets, executor), clock, sleeper, catalog. */
    public BuildContext buildContext() {
        return build;
    }

    /** The user's config. */
    public Config config() {
        return build.config();
    }

    /** The names of the component's fields, in declaration order. */
    public Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public boolean has(String name) {
        JsonNode value = fields.get(name);
        return value != null && !value.isNull();
    }

    /** All fields as one mapping (a copy). */
    public ObjectNode fields() {
        return fields.deepCopy();
    }

    /** The value of field {@code name} (a copy); empty when absent or null. */
    public Optional<JsonNode> field(String name) {
        return has(name) ? Optional.of(fields.get(name).deepCopy()) : Optional.empty();
    }

    /** The component's {@code $parameters} (a copy; empty when none). */
    public ObjectNode parameters() {
        return parameters.deepCopy();
    }

    /** A text field as written (not rendered); a number or boolean gives its text. */
    public Optional<String> string(String name) {
        return scalar(name).map(JsonNode::asText);
    }

    /** A text field that must be there. */
    public String requireString(String name) {
        return string(name).orElseThrow(() -> invalid(name, "is required"));
    }

    /** An integer field; a text holding an integer is accepted, as the manifest binder accepts it. */
    public Optional<Long> integer(String name) {
        return scalar(name).map(value -> {
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return value.asLong();
            }
            if (value.isTextual()) {
                try {
                    return Long.parseLong(value.textValue().trim());
                } catch (NumberFormatException e) {
                    throw invalid(name, "must be an integer, found '" + value.textValue() + "'");
                }
            }
            throw invalid(name, "must be an integer, found " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        });
    }

    /** A boolean field: {@code true}/{@code false}, or their text in any case. */
    public Optional<Boolean> bool(String name) {
        return scalar(name).map(value -> {
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            String text = value.asText();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw invalid(name, "must be true or false, found '" + text + "'");
        });
    }

    /** A list field whose elements are text. */
    public List<String> strings(String name) {
        Optional<JsonNode> value = field(name);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!value.get().isArray()) {
            throw invalid(name, "must be a list");
        }
        List<String> texts = new ArrayList<>();
        for (Iterator<JsonNode> elements = value.get().elements(); elements.hasNext(); ) {
            JsonNode element = elements.next();
            if (element.isContainerNode()) {
                throw invalid(name, "must be a list of strings");
            }
            texts.add(element.asText());
        }
        return List.copyOf(texts);
    }

    /**
     * A text field as a template over {@code config} and {@code parameters}, to evaluate later with more
     * variables ({@code stream_slice}, {@code record}, ...) through {@link BuildContext#interpolation()}.
     */
    public Optional<InterpolatedString> template(String name) {
        return string(name).map(text -> location.around(() -> InterpolatedString.of(text, parameters)));
    }

    /** A text field rendered now, with {@code config} and {@code parameters}: {@code "{{ config.region }}"}. */
    public Optional<String> rendered(String name) {
        return template(name).map(template -> location.around(() -> template.evalString(build.interpolation())));
    }

    /** A {@code config_error} about field {@code name}, naming where the component was declared. */
    public ConfigException invalid(String name, String problem) {
        ConfigException error = new ConfigException(className + ": field '" + name + "' " + problem);
        return location.isKnown() ? (ConfigException) error.locatedAt(location.describe()) : error;
    }

    private Optional<JsonNode> scalar(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode value = fields.get(name);
        if (value.isContainerNode()) {
            throw invalid(name, "must be a single value, found a " + (value.isArray() ? "list" : "mapping"));
        }
        return Optional.of(value);
    }

    @Override
    public String toString() {
        return "CustomComponentContext[" + className + ", fields " + fieldNames() + "]";
    }
}

package dev.sluice.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.manifest.LineMap;
import dev.sluice.declarative.manifest.ManifestBinder;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestPath;
import dev.sluice.declarative.manifest.ManifestValidator;
import dev.sluice.declarative.manifest.ParameterPropagator;
import dev.sluice.declarative.manifest.ValidationReport;
import dev.sluice.declarative.resolver.ComponentsResolver;
import dev.sluice.declarative.resolver.ComponentsResolverSpec;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: DynamicDeclarativeStream} — streams generated per config from {@code stream_template} by the
 * {@code components_resolver}. Each generated tree gets its {@code $parameters} propagated again from the top
 * (with {@code use_parent_parameters}, default true, a component's parent parameters win over its own, so a mapping
 * that rewrote the stream's {@code $parameters} reaches every component), then is validated and bound as a stream.
 * <pre>{@code
 * dynamic_streams:
 *   - type: DynamicDeclarativeStream
 *     name: tables
 *     stream_template: {$ref: "#/definitions/table_stream"}
 *     components_resolver:
 *       type: HttpComponentsResolver
 *       retriever: {...}
 *       components_mapping:
 *         - {type: ComponentMappingDefinition, field_path: [name], value: "{{ components_values['name'] }}"}
 * }</pre>
 */
@JsonTypeName("DynamicDeclarativeStream")
public record DynamicDeclarativeStreamSpec(
        @JsonProperty("name") @Nullable String name,
        @JsonProperty(value = "stream_template", required = true) StreamTemplate streamTemplate,
        @JsonProperty(value = "components_resolver", required = true) ComponentsResolverSpec componentsResolver,
        @JsonProperty("use_parent_parameters") @Nullable Boolean useParentParameters) {

    public DynamicDeclarativeStreamSpec {
        requireNonNull(streamTemplate, "stream_template is required");
        requireNonNull(componentsResolver, "components_resolver is required");
    }

    /** The name its generated streams are listed under: its {@code name}, else {@code dynamic_stream_<index>}. */
    public String dynamicStreamName(int index) {
        return name == null ? "dynamic_stream_" + index : name;
    }

    /** The resolver that generates this definition's streams in a run. */
    ComponentsResolver resolver(BuildContext context) {
        return componentsResolver.build(context, name);
    }

    /**
     * The streams this definition (the {@code index}-th of {@code dynamic_streams}) generates, in the resolver's
     * order; names are not checked for duplicates here.
     *
     * @throws ManifestException when a generated stream is not a valid stream
     */
    List<GeneratedStream> generate(ComponentsResolver resolver, int index) {
        ManifestPath at = ManifestPath.root().field("dynamic_streams").index(index).field("stream_template");
        boolean parentsWin = useParentParameters == null || useParentParameters;
        List<GeneratedStream> generated = new ArrayList<>();
        for (ObjectNode resolved : resolver.resolve(streamTemplate.tree())) {
            ObjectNode stream = ParameterPropagator.propagate("", resolved, Json.object(), parentsWin);
            if (!stream.has("type")) {
                stream.put("type", "DeclarativeStream");
            }
            JsonNode streamName = stream.get("name");
            if (streamName == null || !streamName.isTextual()) {
                throw new ManifestException(at.toString(), 0, "expected the name of a generated stream to be a "
                        + "string, got " + (streamName == null ? "none" : streamName.getNodeType().toString()
                        .toLowerCase(Locale.ROOT) + " " + streamName));
            }
            generated.add(new GeneratedStream(dynamicStreamName(index), withDynamicName(stream, index),
                    bind(stream, at, streamName.textValue())));
        }
        return generated;
    }

    private ObjectNode withDynamicName(ObjectNode stream, int index) {
        ObjectNode listed = stream.deepCopy();
        listed.put("dynamic_stream_name", dynamicStreamName(index));
        return listed;
    }

    private static StreamSpec bind(ObjectNode stream, ManifestPath at, String streamName) {
        LineMap lines = new LineMap();
        ValidationReport report = new ManifestValidator().validate(stream, StreamSpec.class, at, lines);
        try {
            report.throwIfInvalid(false);
            return ManifestBinder.bind(stream, StreamSpec.class, at, lines);
        } catch (ManifestException e) {
            throw new ManifestException(e.path(), e.line(), "the generated stream '" + streamName + "': "
                    + e.problem(), e);
        }
    }
}

package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Step 3 of the pipeline: default types and {@code $parameters}, exactly as the reference's
 * {@code ManifestComponentTransformer.propagate_types_and_parameters} does it, depth first from the top
 * level with no parameters:
 * <ol>
 *   <li>a mapping without {@code type} gets one from {@link TypeDefaults} (custom table when it has
 *       {@code class_name}), looked up by {@code "<parent type>.<field>"};</li>
 *   <li>its parameters are the parent's with its own {@code $parameters} laid over them (the parent's
 *       win instead when {@code useParentParameters}); its own key is removed;</li>
 *   <li>a JSON-schema mapping ({@code type: object} or {@code [null, object]}) is left as it is;</li>
 *   <li>a mapping still without {@code type} only passes the parameters to child mappings that have a
 *       {@code type}, and keeps none itself;</li>
 *   <li>every parameter becomes a key of the component unless the component already has a
 *       <em>truthy</em> value there (so {@code ""}, {@code 0}, {@code false} are overwritten);</li>
 *   <li>child mappings and mappings inside lists are processed with {@code "<type>.<field>"}, without the
 *       parameter named like that field (a falsy one of those is dropped for the rest of the mapping);</li>
 *   <li>the parameters, if any, are written back as the component's {@code $parameters}.</li>
 * </ol>
 * The input is not changed. A key copied from a parameter gets the line where the parameter was written.
 */
public final class ParameterPropagator {

    private static final String PARAMETERS = "$parameters";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LineMap lines = new LineMap();
    private final NodeBudget budget = new NodeBudget(ManifestLimits.MAX_NODES, "while propagating $parameters");
    private final boolean useParentParameters;

    private ParameterPropagator(boolean useParentParameters) {
        this.useParentParameters = useParentParameters;
    }

    /** The whole manifest, from its top level with no parameters. */
    public static ManifestTree propagate(ManifestTree tree) {
        if (!tree.root().isObject()) {
            return tree;
        }
        ParameterPropagator propagator = new ParameterPropagator(false);
        ManifestPath root = ManifestPath.root();
        JsonNode copy = propagator.lines.deepCopy(tree.root(), tree.lines(), propagator.budget, root);
        ObjectNode result = propagator.component("", (ObjectNode) copy, NODES.objectNode(), root, 0);
        return new ManifestTree(result, propagator.lines);
    }

    /**
     * One component found at {@code parentField} ({@code "Parent.field"}, or {@code ""}) under a parent
     * whose parameters are {@code parentParameters}; used again when dynamic streams are generated, with
     * {@code useParentParameters} true. Returns a new tree; no line information.
     */
    public static ObjectNode propagate(String parentField, ObjectNode component, ObjectNode parentParameters,
            boolean useParentParameters) {
        ParameterPropagator propagator = new ParameterPropagator(useParentParameters);
        LineMap none = new LineMap();
        ManifestPath root = ManifestPath.root();
        ObjectNode copy = (ObjectNode) propagator.lines.deepCopy(component, none, propagator.budget, root);
        ObjectNode parameters = (ObjectNode) propagator.lines.deepCopy(parentParameters, none, propagator.budget, root);
        return propagator.component(parentField, copy, parameters, root, 0);
    }

    private ObjectNode component(String parentField, ObjectNode component, ObjectNode parentParameters,
            ManifestPath path, int depth) {
        if (depth > ManifestLimits.MAX_RESOLVED_DEPTH) {
            throw new ManifestException(path.toString(), lines.lineOf(component),
                    "components nest deeper than " + ManifestLimits.MAX_RESOLVED_DEPTH + " levels; refusing it");
        }
        budget.charge(path);
        if (!component.has("type")) {
            TypeDefaults.typeFor(parentField, component).ifPresent(type -> {
                component.put("type", type);
                lines.setField(component, "type", lines.lineOf(component));
            });
        }
        ObjectNode parameters = parameters(component, parentParameters, path);
        if (isJsonSchema(component)) {
            return component;
        }
        if (!component.has("type")) {
            for (String field : fieldNames(component)) {
                JsonNode value = component.get(field);
                if (value.isObject() && truthy(value.get("type"))) {
                    component.set(field, component(parentField, (ObjectNode) value, parameters,
                            path.field(field), depth + 1));
                }
            }
            return component;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = parameters.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> parameter = entries.next();
            if (!truthy(component.get(parameter.getKey()))) {
                component.set(parameter.getKey(), parameter.getValue());
                lines.setField(component, parameter.getKey(), lines.lineOf(parameters, parameter.getKey()));
            }
        }
        String type = component.get("type").isTextual() ? component.get("type").textValue() : "";
        for (String field : fieldNames(component)) {
            JsonNode value = component.get(field);
            if (!value.isContainerNode()) {
                continue;
            }
            JsonNode excluded = parameters.remove(field);
            String childField = type + "." + field;
            if (value.isObject()) {
                // A mapping shared with the parameters (injected just above) is copied before it changes.
                JsonNode child = value == excluded ? lines.deepCopy(value, lines, budget, path) : value;
                component.set(field, component(childField, (ObjectNode) child, parameters, path.field(field), depth + 1));
            } else {
                ArrayNode list = (ArrayNode) value;
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).isObject()) {
                        list.set(i, component(childField, (ObjectNode) list.get(i), parameters,
                                path.field(field).index(i), depth + 1));
                    }
                }
            }
            if (truthy(excluded)) {
                parameters.set(field, excluded);
            }
        }
        if (!parameters.isEmpty()) {
            component.set(PARAMETERS, parameters);
        }
        return component;
    }

    /** The parent's parameters (copied) merged with the component's own, which are removed from it. */
    private ObjectNode parameters(ObjectNode component, ObjectNode parentParameters, ManifestPath path) {
        ObjectNode inherited = (ObjectNode) lines.deepCopy(parentParameters, lines, budget, path);
        JsonNode own = component.remove(PARAMETERS);
        if (own == null) {
            return inherited;
        }
        if (!own.isObject()) {
            throw new ManifestException(path.field(PARAMETERS).toString(), lines.lineOf(component, PARAMETERS),
                    "$parameters must be a mapping, found " + JsonKinds.describe(own));
        }
        ObjectNode first = useParentParameters ? (ObjectNode) own : inherited;
        ObjectNode second = useParentParameters ? inherited : (ObjectNode) own;
        ObjectNode merged = NODES.objectNode();
        lines.register(merged, lines.lineOf(own));
        for (ObjectNode layer : List.of(first, second)) {
            for (Iterator<Map.Entry<String, JsonNode>> entries = layer.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                merged.set(entry.getKey(), entry.getValue());
                lines.setField(merged, entry.getKey(), lines.lineOf(layer, entry.getKey()));
            }
        }
        return merged;
    }

    /** A JSON-schema mapping ({@code type: object} or {@code [null, object]}): not a component. */
    static boolean isJsonSchema(ObjectNode component) {
        JsonNode type = component.get("type");
        return type != null && (type.isTextual() && type.textValue().equals("object")
                || type.isArray() && type.size() == 2 && type.get(0).isTextual() && type.get(1).isTextual()
                        && type.get(0).textValue().equals("null") && type.get(1).textValue().equals("object"));
    }

    /** Python truthiness: absent, null, false, 0, "" and empty collections are false. */
    static boolean truthy(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().signum() != 0;
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return value.size() > 0;
    }

    private static List<String> fieldNames(ObjectNode component) {
        List<String> names = new ArrayList<>(component.size());
        component.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns a composed SnakeYAML node graph into a Jackson tree the way PyYAML's {@code SafeLoader} builds
 * Python objects: aliases are expanded, {@code <<} merge keys are flattened with PyYAML's precedence
 * (own keys win; in a list of merges the earlier mapping wins), a repeated key keeps its first position
 * and its last value, and non-string keys become the text {@code json.dumps} would write. Records the
 * line of every container, key and list element.
 */
final class YamlTreeBuilder {

    /** Tag our resolver gives plain scalars, so that PyYAML's rules (not SnakeYAML's) type them. */
    static final Tag IMPLICIT = new Tag("tag:sluice.dev,2026:implicit");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LineMap lines = new LineMap();
    private final NodeBudget budget = new NodeBudget(ManifestLimits.MAX_NODES, "while expanding YAML aliases");
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    LineMap lines() {
        return lines;
    }

    /** Leaves typing to {@link YamlScalars}: plain scalars get {@link #IMPLICIT}, quoted ones {@code str}. */
    static Resolver resolver() {
        return new Resolver() {
            @Override
            public Tag resolve(NodeId kind, String value, boolean implicit) {
                if (kind == NodeId.scalar) {
                    return implicit ? IMPLICIT : Tag.STR;
                }
                return kind == NodeId.sequence ? Tag.SEQ : Tag.MAP;
            }
        };
    }

    JsonNode build(Node node, ManifestPath path) {
        budget.charge(path);
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, path);
        }
        if (!inProgress.add(node)) {
            throw error(path, node, "recursive YAML alias: a collection contains itself");
        }
        try {
            if (node instanceof SequenceNode sequence) {
                checkCollectionTag(sequence, Tag.SEQ, path);
                return sequence(sequence, path);
            }
            MappingNode mapping = (MappingNode) node;
            checkCollectionTag(mapping, Tag.MAP, path);
            return mapping(mapping, path);
        } finally {
            inProgress.remove(node);
        }
    }

    private ArrayNode sequence(SequenceNode sequence, ManifestPath path) {
        ArrayNode array = NODES.arrayNode(sequence.getValue().size());
        lines.register(array, line(sequence));
        List<Node> elements = sequence.getValue();
        for (int i = 0; i < elements.size(); i++) {
            array.add(build(elements.get(i), path.index(i)));
            lines.setElement(array, i, line(elements.get(i)));
        }
        return array;
    }

    private ObjectNode mapping(MappingNode mapping, ManifestPath path) {
        ObjectNode object = NODES.objectNode();
        lines.register(object, line(mapping));
        for (NodeTuple entry : flatten(mapping, path, 0)) {
            String key = key(entry.getKeyNode(), path);
            object.set(key, build(entry.getValueNode(), path.field(key)));
            lines.setField(object, key, line(entry.getKeyNode()));
        }
        return object;
    }

    /** PyYAML's {@code flatten_mapping}, without changing the (possibly aliased) node. */
    private List<NodeTuple> flatten(MappingNode mapping, ManifestPath path, int depth) {
        if (depth > ManifestLimits.MAX_DEPTH) {
            throw error(path, mapping, "merge keys nest deeper than " + ManifestLimits.MAX_DEPTH + " levels");
        }
        List<NodeTuple> merged = new ArrayList<>();
        List<NodeTuple> own = new ArrayList<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (!isMergeKey(entry.getKeyNode())) {
                own.add(entry);
                continue;
            }
            Node value = entry.getValueNode();
            if (value instanceof MappingNode source) {
                merged.addAll(flatten(source, path, depth + 1));
            } else if (value instanceof SequenceNode sources) {
                List<List<NodeTuple>> parts = new ArrayList<>();
                for (Node source : sources.getValue()) {
                    if (!(source instanceof MappingNode sourceMapping)) {
                        throw error(path, source, "expected a mapping for merging, but found a "
                                + kind(source));
                    }
                    parts.add(flatten(sourceMapping, path, depth + 1));
                }
                Collections.reverse(parts);
                parts.forEach(merged::addAll);
            } else {
                throw error(path, value, "expected a mapping or list of mappings for merging, but found a "
                        + kind(value));
            }
        }
        budget.charge(merged.size(), path);
        merged.addAll(own);
        return merged;
    }

    private static boolean isMergeKey(Node key) {
        return key instanceof ScalarNode scalar
                && (scalar.getTag().equals(Tag.MERGE)
                        || scalar.getTag().equals(IMPLICIT) && scalar.getValue().equals("<<"));
    }

    private String key(Node key, ManifestPath path) {
        if (!(key instanceof ScalarNode scalar)) {
            throw error(path, key, "mapping keys must be scalars, found a " + kind(key));
        }
        JsonNode value = scalar(scalar, path);
        return value.isNull() ? "null" : value.asText();
    }

    private JsonNode scalar(ScalarNode scalar, ManifestPath path) {
        try {
            if (scalar.getTag().equals(IMPLICIT)) {
                return YamlScalars.implicit(scalar.getValue());
            }
            return YamlScalars.tagged(scalar.getTag().getValue(), scalar.getValue());
        } catch (IllegalArgumentException e) {
            throw error(path, scalar, e.getMessage());
        }
    }

    private void checkCollectionTag(Node node, Tag expected, ManifestPath path) {
        if (!node.getTag().equals(expected)) {
            throw error(path, node, "unsupported YAML tag '" + node.getTag().getValue() + "'");
        }
    }

    private static String kind(Node node) {
        return node.getNodeId() == NodeId.scalar ? "scalar" : node.getNodeId() == NodeId.sequence ? "list" : "mapping";
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static ManifestException error(ManifestPath path, Node node, String problem) {
        return new ManifestException(path.toString(), line(node), problem);
    }
}

package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Step 1 of the pipeline: manifest text (or an already parsed JSON object) to a {@link ManifestTree}.
 *
 * <p>YAML is read with SnakeYAML's YAML 1.1 composer and typed with PyYAML's rules (see
 * {@link YamlScalars}), so a manifest means here what it means to the reference. Input is bounded: more
 * than {@value ManifestLimits#MAX_CHARACTERS} characters, more than
 * {@value ManifestLimits#MAX_COLLECTION_ALIASES} aliases to collections, nesting deeper than
 * {@value ManifestLimits#MAX_DEPTH} levels, or an alias expansion past
 * {@value ManifestLimits#MAX_NODES} nodes is refused with a {@link ManifestException}.
 */
public final class ManifestLoader {

    private ManifestLoader() {
    }

    /**
     * Parses one YAML document whose top level is a mapping.
     *
     * @throws ManifestException for a syntax error (with its line), an empty document, a top level that
     *                           is not a mapping, or input over the limits
     */
    public static ManifestTree fromYaml(String text) {
        if (text.length() > ManifestLimits.MAX_CHARACTERS) {
            throw new ManifestException("", 0, "manifest is larger than " + ManifestLimits.MAX_CHARACTERS
                    + " characters; refusing it");
        }
        Node document = compose(text);
        if (document == null) {
            throw new ManifestException("", 0, "manifest is empty");
        }
        YamlTreeBuilder builder = new YamlTreeBuilder();
        JsonNode root = builder.build(document, ManifestPath.root());
        requireMapping(root);
        return new ManifestTree(root, builder.lines());
    }

    /**
     * Takes a manifest that arrived as JSON (the {@code __injected_declarative_manifest} config key). The
     * tree is checked against the same depth and size limits and is not copied: later steps never change
     * it, and neither may the caller. Every line is 0.
     */
    public static ManifestTree fromJson(JsonNode manifest) {
        requireMapping(manifest);
        checkShape(manifest, ManifestPath.root(), 0,
                new NodeBudget(ManifestLimits.MAX_NODES, "in the JSON manifest"));
        return ManifestTree.of(manifest);
    }

    private static @Nullable Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(ManifestLimits.MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(ManifestLimits.MAX_DEPTH);
        options.setCodePointLimit(ManifestLimits.MAX_CHARACTERS);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options),
                    YamlTreeBuilder.resolver(), options);
            return composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new ManifestException("", mark == null ? 0 : mark.getLine() + 1,
                    "invalid YAML: " + context + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new ManifestException("", 0, limitProblem(String.valueOf(e.getMessage())), e);
        }
    }

    private static String limitProblem(String message) {
        if (message.startsWith("Number of aliases")) {
            return "manifest uses more than " + ManifestLimits.MAX_COLLECTION_ALIASES
                    + " YAML aliases to lists or mappings; refusing it (alias expansion attack?)";
        }
        if (message.startsWith("Nesting Depth exceeded")) {
            return "manifest nests deeper than " + ManifestLimits.MAX_DEPTH + " levels; refusing it";
        }
        if (message.contains("exceeds the limit")) {
            return "manifest is larger than " + ManifestLimits.MAX_CHARACTERS + " characters; refusing it";
        }
        return "invalid YAML: " + message;
    }

    private static void requireMapping(JsonNode root) {
        if (!root.isObject()) {
            throw new ManifestException("", 0, "the manifest must be a mapping, found " + JsonKinds.describe(root));
        }
    }

    private static void checkShape(JsonNode node, ManifestPath path, int depth, NodeBudget budget) {
        budget.charge(path);
        if (!node.isContainerNode()) {
            return;
        }
        if (depth >= ManifestLimits.MAX_DEPTH) {
            throw new ManifestException(path.toString(), 0,
                    "manifest nests deeper than " + ManifestLimits.MAX_DEPTH + " levels; refusing it");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkShape(field.getValue(), path.field(field.getKey()), depth + 1, budget);
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                checkShape(node.get(i), path.index(i), depth + 1, budget);
            }
        }
    }
}

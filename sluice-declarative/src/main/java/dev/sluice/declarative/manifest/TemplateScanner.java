package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds every string (value or key) that holds a template ({@code {{ ... }}} or {@code {% ... %}}) and
 * asks {@code check} about it, so that template syntax errors are reported with path and line before
 * anything runs. The check is supplied by the caller (in production: compile with the interpolation
 * engine and return its message), which keeps this package independent of that engine.
 *
 * <p>Not scanned: the top-level {@code definitions}, {@code schemas} and {@code metadata} (what is used
 * from them has been copied into place, keeping its lines), {@code $parameters} (each parameter is also
 * a key of the component it was propagated to) and JSON-schema mappings. A template found at several
 * places with the same line (copies of one definition or parameter) is reported once.
 */
public final class TemplateScanner {

    private static final Set<String> UNUSED_TOP_LEVEL = Set.of("definitions", "schemas", "metadata");

    private final Function<String, Optional<String>> check;
    private final LineMap lines;
    private final List<ManifestException> problems = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    private TemplateScanner(Function<String, Optional<String>> check, LineMap lines) {
        this.check = check;
        this.lines = lines;
    }

    /**
     * @param check returns a problem for an invalid template, empty for a valid one
     * @return one exception per invalid template, in manifest order
     */
    public static List<ManifestException> scan(ResolvedManifest manifest, Function<String, Optional<String>> check) {
        TemplateScanner scanner = new TemplateScanner(check, manifest.lines());
        for (Iterator<Map.Entry<String, JsonNode>> fields = manifest.manifest().fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!UNUSED_TOP_LEVEL.contains(field.getKey())) {
                scanner.field(manifest.manifest(), field.getKey(), field.getValue(), ManifestPath.root(), 0);
            }
        }
        return List.copyOf(scanner.problems);
    }

    /** Whether {@code text} contains template syntax. */
    public static boolean isTemplate(String text) {
        return text.contains("{{") || text.contains("{%");
    }

    private void field(JsonNode parent, String key, JsonNode value, ManifestPath path, int depth) {
        ManifestPath child = path.field(key);
        int line = lines.lineOf(parent, key);
        check(key, child, line);
        value(value, child, line, depth + 1);
    }

    private void value(JsonNode node, ManifestPath path, int line, int depth) {
        if (depth > ManifestLimits.MAX_RESOLVED_DEPTH) {
            return;
        }
        if (node.isTextual()) {
            check(node.textValue(), path, line);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                value(node.get(i), path.index(i), lines.lineOf(node, i), depth + 1);
            }
        } else if (node.isObject() && !ParameterPropagator.isJsonSchema((ObjectNode) node)) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("$parameters")) {
                    field(node, field.getKey(), field.getValue(), path, depth);
                }
            }
        }
    }

    private void check(String text, ManifestPath path, int line) {
        if (!isTemplate(text)) {
            return;
        }
        Optional<String> problem = check.apply(text);
        if (problem.isPresent() && reported.add(line > 0 ? line + "\u0000" + text : path.toString())) {
            problems.add(new ManifestException(path.toString(), line, problem.get()));
        }
    }
}

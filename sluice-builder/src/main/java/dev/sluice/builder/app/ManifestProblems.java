package dev.sluice.builder.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestPath;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.declarative.manifest.ResolvedManifest;
import dev.sluice.declarative.manifest.ValidationReport;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code sluice validate} says about the editor's text, as the JSON the editor's lint gutter shows. */
final class ManifestProblems {

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private ManifestProblems() {
    }

    /** {@code {"problems": [{"severity", "line", "path", "message"}]}}, in manifest order, errors first. */
    static ObjectNode of(String text) {
        ObjectNode result = Json.object();
        ArrayNode problems = result.putArray("problems");
        try {
            ValidationReport report = ManifestSources.validateYaml(text);
            report.errors().forEach(problem -> problems.add(problem(problem, "error")));
            report.warnings().forEach(problem -> problems.add(problem(problem, "warning")));
        } catch (ManifestException e) {
            problems.add(problem(e, "error"));
        } catch (ConnectorException e) {
            ObjectNode problem = problems.addObject();
            problem.put("severity", "error").put("line", 1).put("path", "").put("message", e.userMessage());
        }
        return result;
    }

    private static ObjectNode problem(ManifestException problem, String severity) {
        ObjectNode node = Json.object();
        node.put("severity", severity);
        node.put("line", Math.max(problem.line(), 1));
        node.put("path", problem.path());
        node.put("message", problem.getMessage());
        return node;
    }

    /** The line of a YAML path such as {@code streams[0].retriever} in {@code text}, 0 when unknown. */
    static int lineOf(String text, String path) {
        if (path.isEmpty()) {
            return 0;
        }
        try {
            ResolvedManifest manifest = ManifestPipeline.fromYaml(text);
            ManifestPath located = ManifestPath.root();
            int line = 0;
            Matcher step = STEP.matcher(path);
            while (step.find()) {
                located = step.group(1) != null ? located.field(step.group(1))
                        : located.index(Integer.parseInt(step.group(2)));
                int found = manifest.lineOf(located);
                line = found > 0 ? found : line;
            }
            return line;
        } catch (ConnectorException | IllegalArgumentException e) {
            return 0;
        }
    }
}

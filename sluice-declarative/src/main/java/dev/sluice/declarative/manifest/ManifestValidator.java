package dev.sluice.declarative.manifest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks a resolved manifest against the spec records (which are the schema) and reports every problem,
 * not just the first, each with its path and line:
 * <ul>
 *   <li>errors: a {@code type} unknown for its slot (with the nearest name), a component of the upstream
 *       catalog that Sluice does not implement ("unsupported component X"), a missing required field, a
 *       value of the wrong kind (a mapping where a string is expected; a number is fine for a string), an
 *       unknown key in a {@link NoAdditionalProperties} record such as the top level, and, when a template
 *       check is given, every template it rejects;</li>
 *   <li>warnings: unknown keys elsewhere (the reference drops them silently), except keys that came from
 *       {@code $parameters}.</li>
 * </ul>
 * Thread-safe; the shape of each record class is read once and cached.
 */
public final class ManifestValidator {

    private final @Nullable Function<String, Optional<String>> templateCheck;

    /** A validator without template checking. */
    public ManifestValidator() {
        this.templateCheck = null;
    }

    /**
     * @param templateCheck given the text of each template in the manifest, returns its problem (for
     *                      example the interpolation engine's syntax error) or empty when it is valid
     */
    public ManifestValidator(Function<String, Optional<String>> templateCheck) {
        this.templateCheck = requireNonNull(templateCheck, "templateCheck is null");
    }

    /** The whole manifest against {@code rootType}, the spec record of {@code DeclarativeSource}. */
    public ValidationReport validate(ResolvedManifest manifest, Class<?> rootType) {
        ShapeWalk walk = walk(manifest.manifest(), rootType, ManifestPath.root(), manifest.lines());
        List<ManifestException> errors = new ArrayList<>(walk.errors());
        if (templateCheck != null) {
            errors.addAll(TemplateScanner.scan(manifest, templateCheck));
        }
        return new ValidationReport(errors, walk.warnings());
    }

    /** One part of a manifest (found at {@code path}) against {@code type}; no template check. */
    public ValidationReport validate(JsonNode node, Class<?> type, ManifestPath path, LineMap lines) {
        ShapeWalk walk = walk(node, type, path, lines);
        return new ValidationReport(walk.errors(), walk.warnings());
    }

    private static ShapeWalk walk(JsonNode node, Class<?> type, ManifestPath path, LineMap lines) {
        ShapeWalk walk = new ShapeWalk(lines, ComponentShapes.reachableTypeNames(type));
        walk.value(node, type, path, lines.lineOf(node), 0);
        return walk;
    }
}

package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson's binding failures in manifest words, at the path Jackson reports and its YAML line. */
final class BindingFailures {

    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']*)'");

    private BindingFailures() {
    }

    static ManifestException translate(JsonMappingException e, JsonNode root, ManifestPath base, LineMap lines,
            Class<?> rootType) {
        ManifestPath path = base;
        ManifestPath relative = ManifestPath.root();
        JsonNode walked = root;
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path = path.field(reference.getFieldName());
                relative = relative.field(reference.getFieldName());
                walked = walked.path(reference.getFieldName());
            } else if (reference.getIndex() >= 0 && walked.isArray()) {
                // an index into a single value bound as a list (schema_loader: {...}) names no element of the YAML
                path = path.index(reference.getIndex());
                relative = relative.index(reference.getIndex());
                walked = walked.path(reference.getIndex());
            }
        }
        JsonNode node = nodeAt(root, relative);
        int line = lines.lineAt(root, relative);
        if (e instanceof InvalidTypeIdException invalid) {
            return new ManifestException(path.toString(), node.isObject() && node.has("type")
                    ? lines.lineOf(node, "type") : line, typeProblem(invalid, rootType), e);
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            Throwable cause = e.getCause();
            if (cause instanceof ManifestException problem) {
                return problem.at(path.toString(), line);
            }
            return new ManifestException(path.toString(), line,
                    cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), e);
        }
        if (e instanceof MismatchedInputException mismatch) {
            Matcher missing = MISSING_PROPERTY.matcher(e.getOriginalMessage());
            if (missing.find()) {
                String field = missing.group(1);
                ManifestPath owner = field.equals(path.fieldName()) ? path.parent() : path;
                return new ManifestException(owner.toString(), line, "missing required field '" + field + "'", e);
            }
            if (mismatch.getTargetType() != null && !node.isMissingNode()) {
                return new ManifestException(path.toString(), line, LeafValues.problem(node, mismatch.getTargetType()), e);
            }
        }
        return new ManifestException(path.toString(), line, e.getOriginalMessage(), e);
    }

    private static String typeProblem(InvalidTypeIdException e, Class<?> rootType) {
        Class<?> slot = e.getBaseType().getRawClass();
        if (!ComponentShapes.isSlot(slot)) {
            return e.getOriginalMessage();
        }
        Set<String> allowed = ComponentShapes.slot(slot).subtypes().keySet();
        if (e.getTypeId() == null) {
            return "missing 'type' (expected " + TypeNames.expected(allowed) + ")";
        }
        return TypeNames.unknownType(e.getTypeId(), allowed, ComponentShapes.reachableTypeNames(rootType));
    }

    private static JsonNode nodeAt(JsonNode root, ManifestPath relative) {
        JsonNode node = root;
        for (ManifestPath step : relative.steps()) {
            node = step.fieldName() != null ? node.path(step.fieldName()) : node.path(step.elementIndex());
        }
        return node;
    }
}

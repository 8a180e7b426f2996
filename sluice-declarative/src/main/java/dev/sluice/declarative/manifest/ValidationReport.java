package dev.sluice.declarative.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything {@link ManifestValidator} found, in manifest order. Errors make the manifest unusable;
 * warnings (unknown keys, which the reference silently drops) fail only in strict mode.
 */
public record ValidationReport(List<ManifestException> errors, List<ManifestException> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Throws unless there are no errors (and, when {@code strict}, no warnings). */
    public void throwIfInvalid(boolean strict) {
        List<ManifestException> problems = new ArrayList<>(errors);
        if (strict) {
            problems.addAll(warnings);
        }
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            ManifestException all = new ManifestException("", 0, problems.size() + " problems in the manifest:\n"
                    + problems.stream().map(problem -> "  " + problem.getMessage()).collect(Collectors.joining("\n")));
            problems.forEach(all::addSuppressed);
            throw all;
        }
    }
}

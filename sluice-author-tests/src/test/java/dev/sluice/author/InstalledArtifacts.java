package dev.sluice.author;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether this build installed the Sluice artifacts a new project needs into the local repository: each module's
 * jar there must be the very file this build packaged (byte for byte), so a stale install from an earlier build
 * does not pass for this one. Missing under CI fails the test; elsewhere (a plain {@code mvn verify}) it skips.
 */
final class InstalledArtifacts {

    /** What a scaffolded project resolves: the parent and the BOM (poms), and the modules it uses (jars). */
    private static final List<String> POMS = List.of("sluice-parent", "sluice-bom");
    private static final List<String> JARS = List.of("sluice-protocol", "sluice-core", "sluice-launcher",
            "sluice-testkit", "sluice-declarative");

    private InstalledArtifacts() {
    }

    static void requireInstalled(Path repository, Path root, String version) {
        List<String> problems = problems(repository, root, version);
        if (problems.isEmpty()) {
            return;
        }
        String message = "The Sluice artifacts of this build are not installed in " + repository + " ("
                + String.join("; ", problems) + "). The author test builds a new project against them: run "
                + "`mvn -B install` (the README's test command, and .ci/run's), not `mvn verify`.";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }

    private static List<String> problems(Path repository, Path root, String version) {
        List<String> problems = new ArrayList<>();
        for (String artifact : POMS) {
            Path pom = folder(repository, artifact, version).resolve(artifact + "-" + version + ".pom");
            if (!Files.isRegularFile(pom)) {
                problems.add("no " + pom);
            }
        }
        for (String artifact : JARS) {
            String file = artifact + "-" + version + ".jar";
            Path installed = folder(repository, artifact, version).resolve(file);
            Path built = root.resolve(artifact).resolve("target").resolve(file);
            if (!Files.isRegularFile(installed)) {
                problems.add("no " + installed);
            } else if (Files.isRegularFile(built) && differ(installed, built)) {
                problems.add(installed + " is not the jar this build made (" + built + ")");
            }
        }
        return problems;
    }

    private static Path folder(Path repository, String artifact, String version) {
        return repository.resolve("dev").resolve("sluice").resolve(artifact).resolve(version);
    }

    private static boolean differ(Path a, Path b) {
        try {
            return Files.mismatch(a, b) != -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.sluice.cli;

import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ValidationReport;
import dev.sluice.source.ConnectorException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice validate --manifest FILE}: lists every problem of a manifest with its YAML path and line (on
 * standard error), exit 0 when there is none. Unknown keys are warnings; {@code --strict} makes them fail too.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Check a manifest: every problem with its YAML path and line.")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = {"--manifest", "--manifest-path"}, required = true, paramLabel = "FILE",
            description = "The declarative manifest (YAML) to check.")
    Path manifest;

    @Option(names = "--strict", description = "Unknown keys are errors too.")
    boolean strict;

    @Mixin
    ClasspathOption classpath = new ClasspathOption();

    @Override
    public Integer call() {
        PrintStream err = System.err;
        ValidationReport report;
        // The --classpath jars are open while the manifest is checked: its custom components' classes live there.
        try (ClasspathOption.OutsideClasses classes = classpath.open()) {
            report = ManifestSources.validate(manifest);
        } catch (ManifestException e) {
            err.println(manifest + ": " + e.getMessage());
            return 1;
        } catch (ConnectorException e) {
            err.println("sluice validate: " + e.userMessage());
            return 1;
        }
        report.errors().forEach(problem -> err.println("error: " + problem.getMessage()));
        report.warnings().forEach(problem -> err.println("warning: " + problem.getMessage()));
        boolean failed = !report.errors().isEmpty() || (strict && !report.warnings().isEmpty());
        err.println(manifest + ": " + (failed ? "invalid" : "valid") + " (" + report.errors().size() + " errors, "
                + report.warnings().size() + " warnings)");
        return failed ? 1 : 0;
    }
}

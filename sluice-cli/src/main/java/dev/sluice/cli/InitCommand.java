package dev.sluice.cli;

import dev.sluice.cli.scaffold.ProjectKind;
import dev.sluice.cli.scaffold.ProjectNames;
import dev.sluice.cli.scaffold.Scaffold;
import dev.sluice.source.ConnectorException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice init DIR [--package P] [--name N] [--manifest]}: writes a new connector project into an empty
 * folder, code-first by default. The list of files and the next commands go to standard error; standard output
 * stays the protocol's.
 */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Start a connector project of your own in an empty folder.")
final class InitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The new project's folder (missing or empty).")
    Path directory;

    @Option(names = "--name", paramLabel = "N",
            description = "The connector's name, its Maven artifact and jar (default: the folder's name).")
    @Nullable String name;

    @Option(names = "--package", paramLabel = "P",
            description = "The Java package (default: com.example.<name without source- and dashes>).")
    @Nullable String packageName;

    @Option(names = "--manifest",
            description = "A declarative manifest project (manifest.yaml and a Java custom component) instead of "
                    + "a code-first one.")
    boolean manifest;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        Path target = directory.toAbsolutePath().normalize();
        Path folderName = target.getFileName();
        String projectName = name != null ? name : folderName == null ? "" : folderName.toString();
        ProjectKind kind = manifest ? ProjectKind.MANIFEST : ProjectKind.CODE;
        List<Path> written;
        ProjectNames names;
        try {
            names = ProjectNames.of(projectName, packageName);
            written = new Scaffold(kind, names, BuildVersion.version()).writeTo(target);
        } catch (ConnectorException e) {
            err.println("sluice init: " + e.getMessage());
            return 1;
        }
        err.println("Created " + (manifest ? "a manifest" : "a code-first") + " connector project in " + target + ":");
        written.forEach(file -> err.println("  " + file));
        err.println();
        err.println("Next:");
        err.println("  cd " + directory);
        err.println("  mvn verify                   # tests, then target/" + names.name() + ".jar");
        err.println("  java -jar target/" + names.name() + ".jar spec");
        err.println("See " + directory.resolve("README.md") + " for check, discover, read and sync.");
        return 0;
    }
}

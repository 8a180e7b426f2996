package dev.sluice.cli;

import dev.sluice.source.ConfigException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --classpath PATH} (or {@code SLUICE_CLASSPATH}): jars and folders outside Sluice, separated by
 * {@code :}, from which a command loads {@code --source} classes and a manifest's custom components. Every
 * command that runs or builds a connector takes it as a mixin.
 */
final class ClasspathOption {

    static final String VARIABLE = "SLUICE_CLASSPATH";

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "Jars and folders (':'-separated) to load --source classes and custom components from "
                    + "(default: $" + VARIABLE + ").")
    @Nullable String classpath;

    /**
     * The classes a command may load: the entries of {@code --classpath} (or of {@code SLUICE_CLASSPATH}) before
     * Sluice's own, or Sluice's own alone. Close it when the command ends.
     */
    OutsideClasses open() {
        String given = classpath != null ? classpath : System.getenv(VARIABLE);
        ClassLoader sluice = ClasspathOption.class.getClassLoader();
        if (given == null || given.isBlank()) {
            return new OutsideClasses(sluice, null);
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : given.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(url(Path.of(entry)));
            }
        }
        // The application loader is the parent: Sluice's own classes (Source, the custom slots) are the same classes
        // for the connector and for the runner, and a connector cannot replace them.
        URLClassLoader loader = new URLClassLoader("sluice-classpath", urls.toArray(URL[]::new), sluice);
        return new OutsideClasses(loader, loader);
    }

    private static URL url(Path entry) {
        if (!Files.exists(entry)) {
            throw new ConfigException("The --classpath entry " + entry + " does not exist");
        }
        if (!Files.isDirectory(entry) && !entry.getFileName().toString().endsWith(".jar")) {
            throw new ConfigException("The --classpath entry " + entry + " is neither a folder nor a .jar file");
        }
        try {
            return entry.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ConfigException("The --classpath entry " + entry + " is not a valid path: " + e.getMessage(), e);
        }
    }

    /** A command's class loader, and the loader to close with it (none when it is Sluice's own). */
    record OutsideClasses(ClassLoader loader, @Nullable URLClassLoader owned) implements AutoCloseable {

        @Override
        public void close() {
            if (owned != null) {
                try {
                    owned.close();
                } catch (IOException e) {
                    // The jars stay open until the JVM ends; nothing the command produced depends on them.
                    org.slf4j.LoggerFactory.getLogger(ClasspathOption.class).warn("Closing the --classpath jars "
                            + "failed: {}", e.toString());
                }
            }
        }
    }
}

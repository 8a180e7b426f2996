package dev.sluice.cli.scaffold;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Writes a new connector project into an empty folder. Each kind's templates are listed in its {@code files}
 * index (a resource, since a jar's folders cannot be listed): one line per file, the template's resource name
 * below {@code dev/sluice/cli/scaffold/} ({@code code/}, {@code manifest/}, or {@code common/} for both) and the
 * path it is written to, which may hold placeholders too ({@code src/main/java/%%package_path%%/...}).
 *
 * <p>The placeholders: {@code name}, {@code package}, {@code package_path}, {@code class_prefix}, {@code title},
 * {@code sluice_version}, and the versions of the plugins and test libraries Sluice's own build uses
 * ({@code build-versions.properties}, filled in by the build), so that the new project resolves nothing
 * that {@code mvn install} of Sluice did not already download.
 */
public final class Scaffold {

    private static final String ROOT = "/dev/sluice/cli/scaffold/";
    private static final String BUILD_VERSIONS = ROOT + "build-versions.properties";

    private final ProjectKind kind;
    private final ProjectNames names;
    private final String sluiceVersion;

    public Scaffold(ProjectKind kind, ProjectNames names, String sluiceVersion) {
        this.kind = requireNonNull(kind, "kind is null");
        this.names = requireNonNull(names, "names is null");
        this.sluiceVersion = requireNonNull(sluiceVersion, "sluiceVersion is null");
    }

    /**
     * Writes the project into {@code directory} (created when missing) and returns the files written, relative
     * to it. A folder that holds anything is refused: init never overwrites an author's files.
     */
    public List<Path> writeTo(Path directory) {
        refuseNonEmpty(directory);
        Map<String, String> values = values();
        List<Path> written = new ArrayList<>();
        for (String line : resource(kind.folder() + "/files").split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length != 2) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "Bad line in the " + kind.folder()
                        + " template index: " + entry);
            }
            String templateName = parts[0];
            Template template = new Template(templateName, resource(templateName));
            Path relative = Path.of(new Template("path of " + templateName, parts[1]).render(values));
            write(directory.resolve(relative), template.render(values));
            written.add(relative);
        }
        return List.copyOf(written);
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        Properties versions = new Properties();
        try (InputStream in = Scaffold.class.getResourceAsStream(BUILD_VERSIONS)) {
            if (in == null) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "No " + BUILD_VERSIONS + " in the build");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot read " + BUILD_VERSIONS + ": " + e, e);
        }
        for (String key : versions.stringPropertyNames()) {
            values.put(key, versions.getProperty(key));
        }
        values.put("name", names.name());
        values.put("package", names.packageName());
        values.put("package_path", names.packagePath());
        values.put("class_prefix", names.classPrefix());
        values.put("title", names.title());
        values.put("sluice_version", sluiceVersion);
        return values;
    }

    private static void refuseNonEmpty(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new ConfigException(directory + " exists and is not a folder");
        }
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new ConfigException(directory + " is not empty; sluice init writes a new project into an "
                            + "empty or new folder only");
                }
            } catch (IOException e) {
                throw new ConfigException("Cannot list " + directory + ": " + e.getMessage(), e);
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Scaffold.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "No template " + ROOT + name + " in the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot read the template " + name + ": " + e, e);
        }
    }
}

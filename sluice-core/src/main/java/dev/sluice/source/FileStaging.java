package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The folder a run writes the files of file-transfer streams under (a declarative stream's {@code file_uploader}).
 * As the reference's {@code get_files_directory}: the folder named by {@code AIRBYTE_STAGING_DIRECTORY} when it is
 * set and exists, else {@code /tmp/airbyte-file-transfer}. A command may preset another ({@code read --files-dir}).
 *
 * @param directory where the files go, each under its stream's name
 */
public record FileStaging(Path directory) {

    /** The environment variable the platform names its staging folder with. */
    public static final String VARIABLE = "AIRBYTE_STAGING_DIRECTORY";
    /** The folder without (an existing) {@link #VARIABLE}. */
    public static final Path DEFAULT = Path.of("/tmp/airbyte-file-transfer");

    /** A run's staging folder, from the process environment unless the command preset one. */
    public static final RunContext.Service<FileStaging> SERVICE =
            RunContext.Service.of("file staging", FileStaging.class, run -> fromEnvironment(System.getenv()));

    public FileStaging {
        requireNonNull(directory, "directory is null");
        directory = directory.toAbsolutePath().normalize();
    }

    public static FileStaging fromEnvironment(Map<String, String> environment) {
        String named = environment.get(VARIABLE);
        if (named != null && !named.isBlank() && Files.isDirectory(Path.of(named))) {
            return new FileStaging(Path.of(named));
        }
        return new FileStaging(DEFAULT);
    }
}

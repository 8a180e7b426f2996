package dev.sluice.builder.app;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file the builder edits (the manifest, or the config when the user saves it). Each read carries the version
 * it saw (a digest of the bytes); a save names the version it started from and is refused when the file changed on
 * disk since, so the builder never overwrites someone else's edit. A save replaces the file atomically (a
 * temporary file beside it, then a rename) and keeps the previous content as {@code FILE.bak}.
 */
final class ManifestFile {

    /** The version of a file that does not exist yet. */
    static final String ABSENT = "absent";

    private final Path path;

    ManifestFile(Path path) {
        this.path = Objects.requireNonNull(path, "path is null").toAbsolutePath();
    }

    Path path() {
        return path;
    }

    Path backup() {
        return path.resolveSibling(path.getFileName() + ".bak");
    }

    /** The text as it is on disk now and its version. */
    synchronized Snapshot read() {
        if (!Files.exists(path)) {
            return new Snapshot("", ABSENT);
        }
        byte[] bytes = bytes();
        return new Snapshot(new String(bytes, StandardCharsets.UTF_8), version(bytes));
    }

    /**
     * Writes {@code text} if the file is still at {@code expectedVersion}.
     *
     * @return the new snapshot, or the conflict when someone else changed the file
     */
    synchronized SaveOutcome save(String text, String expectedVersion) {
        String onDisk = Files.exists(path) ? version(bytes()) : ABSENT;
        if (!onDisk.equals(expectedVersion)) {
            return new SaveOutcome(null, path + " changed on disk since the builder read it; it was not "
                    + "overwritten. Reload it (your edits are lost) or copy your edits aside first.");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Path directory = path.getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + path.getFileName(), ".tmp");
            try {
                Files.write(temporary, bytes);
                if (Files.exists(path)) {
                    Files.copy(path, backup(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    keepPermissions(temporary);
                }
                move(temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot save " + path + ": " + e.getMessage(), e);
        }
        return new SaveOutcome(new Snapshot(text, version(bytes)), null);
    }

    /** The new file keeps the old one's permissions (a temporary file is created readable by its owner only). */
    private void keepPermissions(Path temporary) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(path));
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so only exotic file systems get here; a plain replace is the best they offer.
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private byte[] bytes() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static String version(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A file's text and the version it was read or written at. */
    record Snapshot(String text, String version) {
        Snapshot {
            Objects.requireNonNull(text, "text is null");
            Objects.requireNonNull(version, "version is null");
        }
    }

    /** Either the saved snapshot or why nothing was written. */
    record SaveOutcome(@Nullable Snapshot saved,
            @Nullable String conflict) {
        SaveOutcome {
            if ((saved == null) == (conflict == null)) {
                throw new IllegalArgumentException("exactly one of saved and conflict");
            }
        }
    }
}

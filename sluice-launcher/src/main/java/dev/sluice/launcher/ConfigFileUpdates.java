package dev.sluice.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteControl;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.MessageWriter;
import dev.sluice.source.ConfigUpdateListener;
import dev.sluice.source.ConnectorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Where a running source's config changes go on the command line: every change is a CONTROL message of type
 * CONNECTOR_CONFIG with the whole config; a migration by the manifest's {@code config_migrations} also rewrites the
 * {@code --config} file first, as the reference's entry point does, so that a platform that ignores the message
 * (or a user running the CLI by hand) finds the migrated config next time. A rotated OAuth token is not written to
 * the file: the reference does not write it either.
 */
final class ConfigFileUpdates implements ConfigUpdateListener {

    private final MessageWriter writer;
    private final Clock clock;
    private final @Nullable Path configFile;

    ConfigFileUpdates(MessageWriter writer, Clock clock, @Nullable Path configFile) {
        this.writer = writer;
        this.clock = clock;
        this.configFile = configFile;
    }

    @Override
    public void configUpdated(ObjectNode newConfig) {
        writer.write(AirbyteControl.connectorConfig(clock.millis(), newConfig));
    }

    @Override
    public void configMigrated(ObjectNode migratedConfig) {
        if (configFile != null) {
            rewrite(configFile, Json.write(migratedConfig));
        }
        configUpdated(migratedConfig);
    }

    /** Replaces the file in one step (a temporary file beside it, then a rename), keeping its permissions. */
    static void rewrite(Path file, String text) {
        Path target = file.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions to keep
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Could not write the migrated config to " + file
                    + ": " + e.getMessage(), e);
        }
    }
}

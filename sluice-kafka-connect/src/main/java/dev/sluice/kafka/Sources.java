package dev.sluice.kafka;

import dev.sluice.declarative.ManifestSources;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.Source;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;

/** Builds the source a connector runs: a manifest (inline or a file) or a {@code Source} class. */
final class Sources {

    private Sources() {
    }

    static Source load(SluiceConnectorConfig config) {
        String manifest = config.manifest();
        if (manifest != null && !manifest.isBlank()) {
            Path file = asFile(manifest);
            return file != null ? ManifestSources.fromFile(file) : ManifestSources.fromYaml(manifest);
        }
        return instantiate(config.sourceClass());
    }

    private static Path asFile(String manifest) {
        if (manifest.contains("\n")) {
            return null;
        }
        try {
            Path path = Path.of(manifest.strip());
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException notAPath) {
            return null;
        }
    }

    private static Source instantiate(String className) {
        try {
            Class<?> type = Class.forName(className, true, Sources.class.getClassLoader());
            if (!Source.class.isAssignableFrom(type)) {
                throw new ConnectorException(FailureType.CONFIG_ERROR, className + " is not a " + Source.class.getName());
            }
            return (Source) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "No class " + className + " on the plugin's class path", e);
        } catch (InvocationTargetException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot create " + className + ": " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, className + " needs a public no-argument constructor", e);
        }
    }
}

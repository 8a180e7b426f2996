package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.Source;
import java.lang.reflect.InvocationTargetException;

/** Finds the connector a command runs. */
final class Connectors {

    private Connectors() {
    }

    /** The config key the reference's generic manifest runner reads the manifest from. */
    static final String INJECTED_MANIFEST = "__injected_declarative_manifest";

    static Source load(ConnectorOptions options, Config config) {
        options.requireOne();
        if (options.sourceClass != null) {
            return instantiate(options.sourceClass);
        }
        try {
            if (options.manifest != null) {
                return ManifestSources.fromFile(options.manifest);
            }
            JsonNode injected = config.json().get(INJECTED_MANIFEST);
            if (injected != null && injected.isObject()) {
                return ManifestSources.fromJson(injected);
            }
        } catch (ManifestException e) {
            throw startFailure(e);
        }
        throw new ConfigException("Give a connector with --source CLASS or --manifest FILE (or put the manifest in "
                + "the config under " + INJECTED_MANIFEST + ")");
    }

    /** The SPEC of a manifest file, read without building the source (see {@link ManifestSources#specOf}). */
    static ConnectorSpecification specOf(java.nio.file.Path manifest) {
        try {
            return ManifestSources.specOf(manifest);
        } catch (ManifestException e) {
            throw startFailure(e);
        }
    }

    /** The reference's generic runner words it this way; the cause keeps the YAML path and line. */
    private static ConnectorException startFailure(ManifestException e) {
        return new ConnectorException(FailureType.SYSTEM_ERROR, "Error starting the sync. This could be due to "
                + "an invalid configuration or catalog. Please contact Support for assistance. Error: "
                + e.getMessage(), e.getMessage(), e);
    }

    static Source instantiate(String className) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new ConfigException("No class " + className + " on the classpath", e);
        }
        if (!Source.class.isAssignableFrom(type)) {
            throw new ConfigException(className + " is not a " + Source.class.getName());
        }
        try {
            return (Source) type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConfigException(className + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectorException connector) {
                throw connector;
            }
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot create " + className + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Cannot create " + className + ": " + e, e);
        }
    }
}

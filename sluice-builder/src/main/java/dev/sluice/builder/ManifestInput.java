package dev.sluice.builder;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.manifest.ManifestLoader;
import dev.sluice.loader.CustomCode;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;

/**
 * A manifest the Connector Builder reads: its JSON tree (as given: references, parameters and defaults not yet
 * resolved) and where its Java custom components come from and whether they may run. The tree is copied, so the
 * caller may keep editing its own.
 */
public record ManifestInput(JsonNode manifest, CustomCode customCode) {

    public ManifestInput {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(customCode, "customCode is null");
        if (!manifest.isObject()) {
            throw new ConnectorException(FailureType.CONFIG_ERROR,
                    "The manifest must be a JSON object, not " + manifest.getNodeType().name().toLowerCase());
        }
        manifest = manifest.deepCopy();
    }

    /**
     * A manifest written as YAML (the web app's editor), loaded as the manifest pipeline loads a file; errors in it
     * name their YAML path and line.
     */
    public static ManifestInput yaml(String text, CustomCode customCode) {
        return new ManifestInput(ManifestLoader.fromYaml(text).root(), customCode);
    }

    /** A manifest tree whose custom components may not run (the platform's {@code __injected_declarative_manifest}). */
    public static ManifestInput data(JsonNode manifest, ClassLoader classLoader) {
        return new ManifestInput(manifest, CustomCode.refused(classLoader,
                "The Connector Builder runs no custom components of a manifest given as data unless "
                        + CustomCode.UNSAFE_CODE_VARIABLE + "=true."));
    }

    /** A manifest tree whose custom components may run, loaded from {@code classLoader} (a local file). */
    public static ManifestInput trusted(JsonNode manifest, ClassLoader classLoader) {
        return new ManifestInput(manifest, CustomCode.allowed(classLoader));
    }
}

package dev.sluice.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.loader.CustomCode;
import dev.sluice.loader.ManifestProvider;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.Source;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The manifest kinds of {@link dev.sluice.loader.SourceLoader}, registered in
 * {@code META-INF/services/dev.sluice.loader.ManifestProvider}. A manifest that cannot be read fails the way the
 * reference's generic runner words it, with the {@link ManifestException} (YAML path and line) as the cause.
 */
public final class ManifestSourceProvider implements ManifestProvider {

    @Override
    public Source fromFile(Path file, CustomCode code) {
        return starting(() -> ManifestSources.fromFile(file, code));
    }

    @Override
    public Source fromYaml(String text, CustomCode code) {
        return starting(() -> ManifestSources.fromYaml(text, code));
    }

    @Override
    public Source fromJson(JsonNode manifest, CustomCode code) {
        return starting(() -> ManifestSources.fromJson(manifest, code));
    }

    @Override
    public ConnectorSpecification specOf(Path file, CustomCode code) {
        return starting(() -> ManifestSources.specOf(file));
    }

    private static <T> T starting(Supplier<T> load) {
        try {
            return load.get();
        } catch (ManifestException e) {
            throw startFailure(e);
        }
    }

    private static ConnectorException startFailure(ManifestException e) {
        return new ConnectorException(FailureType.SYSTEM_ERROR, "Error starting the sync. This could be due to "
                + "an invalid configuration or catalog. Please contact Support for assistance. Error: "
                + e.getMessage(), e.getMessage(), e);
    }
}

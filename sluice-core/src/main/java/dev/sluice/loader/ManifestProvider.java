package dev.sluice.loader;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.source.Source;
import java.nio.file.Path;

/**
 * Reads declarative manifests into sources; {@code sluice-declarative} provides it through
 * {@code META-INF/services/dev.sluice.loader.ManifestProvider}, so core loads manifests without knowing them.
 *
 * <p>Implementations have a public no-argument constructor (a {@link java.util.ServiceLoader} rule), keep no
 * state between calls and may be called from several threads. Every method throws a
 * {@link dev.sluice.source.ConnectorException} for a manifest that cannot be read, naming its YAML path and line.
 */
public interface ManifestProvider {

    /**
     * The source of a manifest in a YAML file.
     *
     * @param code whether the manifest's custom components may run, and the class loader they come from
     */
    Source fromFile(Path file, CustomCode code);

    /** The source of a manifest given as YAML text. */
    Source fromYaml(String text, CustomCode code);

    /** The source of a manifest given as a JSON object; the object is not modified. */
    Source fromJson(JsonNode manifest, CustomCode code);

    /** The SPEC of a manifest file; a provider may read it without building the whole source. */
    default ConnectorSpecification specOf(Path file, CustomCode code) {
        return fromFile(file, code).spec();
    }
}

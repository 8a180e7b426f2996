package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Text to {@link ResolvedManifest}: load ({@link ManifestLoader}), default the top-level type
 * ({@link TypeDefaults#withRootType}), resolve references ({@link ReferenceResolver}), then default types
 * and propagate parameters ({@link ParameterPropagator}) — the order of the reference's
 * {@code _pre_process_manifest}. Validation and binding follow:
 *
 * <pre>{@code
 * ResolvedManifest manifest = ManifestPipeline.fromYaml(text);
 * new ManifestValidator().validate(manifest, DeclarativeSourceSpec.class).throwIfInvalid(strict);
 * DeclarativeSourceSpec source = ManifestBinder.bind(manifest, DeclarativeSourceSpec.class);
 * }</pre>
 * Every failure is a {@link ManifestException} with the YAML path and line.
 */
public final class ManifestPipeline {

    private ManifestPipeline() {
    }

    /** A YAML manifest (the {@code manifest.yaml} of a connector). */
    public static ResolvedManifest fromYaml(String text) {
        return normalise(ManifestLoader.fromYaml(text));
    }

    /** A manifest given as JSON (the {@code __injected_declarative_manifest} config key); lines are 0. */
    public static ResolvedManifest fromJson(JsonNode manifest) {
        return normalise(ManifestLoader.fromJson(manifest));
    }

    /** Steps 2 and 3 for a loaded tree whose top level is a mapping. */
    public static ResolvedManifest normalise(ManifestTree loaded) {
        ManifestTree propagated = ParameterPropagator.propagate(
                ReferenceResolver.resolve(TypeDefaults.withRootType(loaded)));
        if (!propagated.root().isObject()) {
            throw new ManifestException("", propagated.lines().lineOf(propagated.root()),
                    "the manifest must be a mapping, found " + JsonKinds.describe(propagated.root()));
        }
        return new ResolvedManifest((ObjectNode) propagated.root(), propagated.lines());
    }
}

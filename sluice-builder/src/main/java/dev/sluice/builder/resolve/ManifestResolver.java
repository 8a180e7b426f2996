package dev.sluice.builder.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.builder.ManifestInput;
import dev.sluice.builder.testread.TestReadLimits;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;

/**
 * The reference's {@code resolve_manifest} and {@code full_resolve_manifest}: the manifest with its {@code $ref}s,
 * {@code $parameters} and defaults resolved, as its {@code ManifestReferenceResolver} and
 * {@code ManifestComponentTransformer} resolve them.
 */
public final class ManifestResolver {

    /** The resolved manifest (the value of the reference's {@code {"manifest": ...}} record). */
    public JsonNode resolveManifest(ManifestInput manifest) {
        throw new ConnectorException(FailureType.SYSTEM_ERROR, "resolve_manifest is not implemented yet");
    }

    /**
     * The resolved manifest whose {@code streams} also lists, after the declared streams (each with
     * {@code "dynamic_stream_name": null}), the streams each dynamic-stream definition generates (at most
     * {@code limits.maxStreams()} each), read with {@code config}.
     */
    public JsonNode fullResolveManifest(ManifestInput manifest, JsonNode config, TestReadLimits limits) {
        throw new ConnectorException(FailureType.SYSTEM_ERROR, "full_resolve_manifest is not implemented yet");
    }
}

package dev.sluice.builder.resolve;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.builder.ManifestInput;
import dev.sluice.builder.testread.TestReadLimits;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.List;

/**
 * The reference's {@code resolve_manifest} and {@code full_resolve_manifest}: the manifest with its {@code $ref}s
 * resolved, component types defaulted and {@code $parameters} propagated — Sluice's manifest pipeline, which follows
 * the reference's {@code ManifestReferenceResolver} and {@code ManifestComponentTransformer}.
 */
public final class ManifestResolver {

    /** The resolved manifest (the value of the reference's {@code {"manifest": ...}} record). */
    public JsonNode resolveManifest(ManifestInput manifest) {
        requireNonNull(manifest, "manifest is null");
        return ManifestPipeline.fromJson(manifest.manifest()).manifest().deepCopy();
    }

    /**
     * The resolved manifest whose {@code streams} marks each declared stream with {@code "dynamic_stream_name": null}
     * and then lists the streams each dynamic-stream definition generates (at most {@code limits.maxStreams()} per
     * definition), as the reference's {@code full_resolve_manifest}.
     */
    public JsonNode fullResolveManifest(ManifestInput manifest, JsonNode config, TestReadLimits limits) {
        requireNonNull(config, "config is null");
        requireNonNull(limits, "limits is null");
        ObjectNode resolved = (ObjectNode) resolveManifest(manifest);
        JsonNode declared = resolved.get("streams");
        ArrayNode streams = declared instanceof ArrayNode array ? array : resolved.putArray("streams");
        streams.forEach(stream -> {
            if (stream instanceof ObjectNode object) {
                object.putNull("dynamic_stream_name");
            }
        });
        streams.addAll(generatedStreams(resolved, config, limits));
        resolved.set("streams", streams);
        return resolved;
    }

    /**
     * The streams the manifest's {@code dynamic_streams} generate with {@code config}, each with its
     * {@code dynamic_stream_name}, at most {@code limits.maxStreams()} per definition. THE PLACE TO PLUG IN dynamic
     * streams: until they are built (another work item), a manifest that declares any is refused here.
     */
    private static List<JsonNode> generatedStreams(ObjectNode resolved, JsonNode config, TestReadLimits limits) {
        JsonNode dynamic = resolved.get("dynamic_streams");
        if (dynamic == null || dynamic.isNull() || (dynamic.isArray() && dynamic.isEmpty())) {
            return List.of();
        }
        throw new ConnectorException(FailureType.CONFIG_ERROR, "full_resolve_manifest cannot list the streams of "
                + "dynamic_streams yet: the Connector Builder handler does not generate dynamic streams. Use "
                + "resolve_manifest, or test_read a stream declared under streams.");
    }
}

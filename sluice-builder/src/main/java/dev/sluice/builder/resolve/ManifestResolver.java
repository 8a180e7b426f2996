package dev.sluice.builder.resolve;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.builder.ManifestInput;
import dev.sluice.builder.testread.TestReadLimits;
import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.GeneratedStream;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        streams.addAll(generatedStreams(manifest, resolved, config, limits));
        resolved.set("streams", streams);
        return resolved;
    }

    /**
     * The streams the manifest's {@code dynamic_streams} generate with {@code config}, each with its
     * {@code dynamic_stream_name}, at most {@code limits.maxStreams()} per definition (the reference's
     * {@code full_resolve_manifest} counts them per {@code dynamic_stream_name}). Resolvers that read an endpoint
     * send their requests here, in a run of their own.
     */
    private static List<JsonNode> generatedStreams(ManifestInput manifest, ObjectNode resolved, JsonNode config,
            TestReadLimits limits) {
        JsonNode dynamic = resolved.get("dynamic_streams");
        if (dynamic == null || dynamic.isNull() || (dynamic.isArray() && dynamic.isEmpty())) {
            return List.of();
        }
        DeclarativeSource source = ManifestSources.fromJson(manifest.manifest(), manifest.customCode());
        List<JsonNode> generated = new ArrayList<>();
        Map<String, Integer> perDefinition = new HashMap<>();
        try (RunContext run = RunContext.named("connector-builder-resolve")) {
            for (GeneratedStream stream : source.dynamicStreams(Config.of(config), run)) {
                int count = perDefinition.merge(stream.dynamicStreamName(), 1, Integer::sum);
                if (count <= limits.maxStreams()) {
                    generated.add(stream.definition());
                }
            }
        }
        return generated;
    }
}

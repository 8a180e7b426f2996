package dev.sluice.declarative;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.manifest.ManifestBinder;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.declarative.manifest.ManifestValidator;
import dev.sluice.declarative.manifest.ResolvedManifest;
import dev.sluice.declarative.partition.PartitionRouterSpec;
import dev.sluice.declarative.retriever.SimpleRetrieverSpec;
import dev.sluice.http.HttpTransport;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Test fixtures: manifests from text blocks (validated strictly), build contexts with a given clock. */
public final class TestManifests {

    private static final HttpTransport TRANSPORT = HttpTransport.jdk(HttpTransport.Options.DEFAULTS);

    private TestManifests() {
    }

    /** A whole manifest, validated in strict mode (unknown keys fail) and bound. */
    public static DeclarativeSourceSpec bind(String yaml) {
        ResolvedManifest manifest = ManifestPipeline.fromYaml(yaml);
        new ManifestValidator().validate(manifest, DeclarativeSourceSpec.class).throwIfInvalid(true);
        return ManifestBinder.bind(manifest, DeclarativeSourceSpec.class);
    }

    /** The spec of the first stream of a manifest with one stream whose {@code incremental_sync} is {@code yaml}. */
    public static DeclarativeStreamSpec streamWithCursor(String incrementalSync) {
        String manifest = """
                version: 6.0.0
                check: {stream_names: [items]}
                streams:
                  - type: DeclarativeStream
                    name: items
                    retriever:
                      type: SimpleRetriever
                      requester: {type: HttpRequester, url_base: "http://localhost", path: /items}
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                    incremental_sync:
                """ + indent(incrementalSync, 6);
        return (DeclarativeStreamSpec) bind(manifest).streams().get(0);
    }

    /** The {@code partition_router} (one router or a list) of a manifest's only stream, with parent streams. */
    public static List<PartitionRouterSpec> routers(String partitionRouter,
            String definitions) {
        String manifest = """
                version: 6.0.0
                check: {stream_names: [items]}
                definitions:
                """ + indent(definitions, 2) + """
                streams:
                  - type: DeclarativeStream
                    name: items
                    retriever:
                      type: SimpleRetriever
                      requester: {type: HttpRequester, url_base: "http://localhost", path: /items}
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                      partition_router:
                """ + indent(partitionRouter, 8);
        DeclarativeStreamSpec stream = (DeclarativeStreamSpec) bind(manifest).streams().get(0);
        return ((SimpleRetrieverSpec) stream.retriever()).partitionRouter();
    }

    public static String indent(String text, int spaces) {
        String prefix = " ".repeat(spaces);
        return text.lines().map(line -> prefix + line).reduce("", (a, b) -> a + b + "\n");
    }

    public static BuildContext context(String configJson, Clock clock) {
        return context(Config.of(json(configJson)), clock);
    }

    public static BuildContext context(Config config, Clock clock) {
        return new BuildContext(config, TestRuns.open(TRANSPORT), clock, duration -> { }, null, ConfigUpdates.NONE);
    }

    /** A source from a manifest whose components read {@code clock} and never really sleep. */
    public static DeclarativeSource source(String yaml, Clock clock) {
        return new DeclarativeSource(bind(yaml), (config, run) -> new BuildContext(config,
                TestRuns.using(run, TRANSPORT), clock, duration -> { }, null, ConfigUpdates.NONE));
    }

    public static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    public static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node as the JSON parser would produce it from its text (a long 1 and an int 1 are then equal). */
    public static JsonNode normalized(JsonNode node) {
        return json(Json.write(node));
    }

    public static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }
}

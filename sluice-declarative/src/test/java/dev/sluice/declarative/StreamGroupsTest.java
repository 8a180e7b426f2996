package dev.sluice.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code stream_groups}: which groups each stream holds while it is read, and the shapes refused. Semantics from
 * the reference's airbyte_cdk/sources/declarative/concurrent_declarative_source.py (_apply_stream_groups: groups
 * matched by stream name; a stream sharing a group with an ancestor is a ValueError) and
 * airbyte_cdk/sources/concurrent_source/concurrent_read_processor.py (start_next_partition_generator: a stream is
 * deferred while its group, or the group of a parent it reads, is active).
 */
class StreamGroupsTest {

    private static String stream(String name, String parent) {
        String router = parent.isEmpty() ? "" : """
                      partition_router:
                        type: SubstreamPartitionRouter
                        parent_stream_configs:
                          - {type: ParentStreamConfig, stream: {$ref: "#/definitions/streams/%s"}, parent_key: id, partition_field: pid}
                """.formatted(parent);
        return """
                    %s:
                      type: DeclarativeStream
                      name: %s
                      schema_loader: {type: InlineSchemaLoader, schema: {}}
                      retriever:
                        type: SimpleRetriever
                        requester: {type: HttpRequester, url_base: "http://localhost", path: /%s}
                        record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                """.formatted(name, name, name) + router.indent(2);
    }

    static String manifest(String groups) {
        return """
                version: 6.44.0
                check: {type: CheckStream, stream_names: [accounts]}
                definitions:
                  streams:
                """ + stream("accounts", "") + stream("campaigns", "accounts") + stream("ads", "campaigns")
                + stream("reports", "") + stream("users", "") + """
                streams:
                  - {$ref: "#/definitions/streams/accounts"}
                  - {$ref: "#/definitions/streams/campaigns"}
                  - {$ref: "#/definitions/streams/ads"}
                  - {$ref: "#/definitions/streams/reports"}
                  - {$ref: "#/definitions/streams/users"}
                stream_groups:
                """ + groups.indent(2);
    }

    private static Map<String, Set<String>> groupsOfStreams(String groups) {
        DeclarativeSource source = ManifestSources.fromYaml(manifest(groups));
        Map<String, Set<String>> byStream = new LinkedHashMap<>();
        try (RunContext run = RunContext.named("groups")) {
            for (Stream stream : source.streams(Config.empty(), run)) {
                byStream.put(stream.name(), stream.exclusiveGroups());
            }
        }
        return byStream;
    }

    @Test
    void eachStreamHoldsItsGroupAndThoseOfTheParentsItReads() {
        Map<String, Set<String>> groups = groupsOfStreams("""
                shared_session:
                  type: StreamGroup
                  streams: [{$ref: "#/definitions/streams/accounts"}, {$ref: "#/definitions/streams/reports"}]
                  action: {type: BlockSimultaneousSyncsAction}
                ads_api:
                  streams: [{$ref: "#/definitions/streams/ads"}]
                  action: {type: BlockSimultaneousSyncsAction}
                """);

        assertThat(groups).containsExactly(
                Map.entry("accounts", Set.of("shared_session")),
                Map.entry("campaigns", Set.of("shared_session")),
                Map.entry("ads", Set.of("ads_api", "shared_session")),
                Map.entry("reports", Set.of("shared_session")),
                Map.entry("users", Set.of()));
    }

    // concurrent_declarative_source.py _apply_stream_groups: "A child stream must not share a group with its parent"
    @Test
    void aGroupHoldingAStreamAndOneOfItsAncestorsIsRefused() {
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("""
                g:
                  streams: [{$ref: "#/definitions/streams/accounts"}, {$ref: "#/definitions/streams/ads"}]
                  action: {type: BlockSimultaneousSyncsAction}
                """))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("stream_groups.g")
                .hasMessageContaining("Stream 'ads' and its parent stream 'accounts' are both in this group")
                .hasMessageContaining("line ");
    }

    @Test
    void badGroupsAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("""
                g:
                  streams: [{$ref: "#/definitions/streams/accounts"}]
                  action: {type: BlockAllSyncsAction}
                """))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("stream_groups.g.action")
                .hasMessageContaining("BlockAllSyncsAction");
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("""
                g:
                  streams: [{$ref: "#/definitions/streams/accounts"}]
                """))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("stream_groups.g")
                .hasMessageContaining("action");
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("""
                g:
                  streams: [{$ref: "#/definitions/streams/accounts"}]
                  action: {type: BlockSimultaneousSyncsAction}
                h:
                  streams: [{$ref: "#/definitions/streams/accounts"}]
                  action: {type: BlockSimultaneousSyncsAction}
                """))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("the stream 'accounts' is in two stream groups, 'g' and 'h'");
    }

    @Test
    void aGroupMayOnlyHoldTheManifestsStreams() {
        String orphan = manifest("""
                g:
                  streams:
                    - type: DeclarativeStream
                      name: orphan
                      schema_loader: {type: InlineSchemaLoader, schema: {}}
                      retriever:
                        type: SimpleRetriever
                        requester: {type: HttpRequester, url_base: "http://localhost", path: /orphan}
                        record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                  action: {type: BlockSimultaneousSyncsAction}
                """);
        assertThatThrownBy(() -> ManifestSources.fromYaml(orphan)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("stream_groups.g holds the stream 'orphan', which is not one of the manifest's "
                        + "streams");
    }
}

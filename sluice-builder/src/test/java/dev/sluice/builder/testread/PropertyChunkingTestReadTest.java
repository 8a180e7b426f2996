package dev.sluice.builder.testread;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.examples.chunking.HubSpotMockApi;
import dev.sluice.examples.chunking.LinkedInAdsMockApi;
import dev.sluice.protocol.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Test reads of the two property-chunking example connectors of sluice-examples against their mock APIs: each chunk
 * request is a page of its own, in order, and the merged records come with the page's last chunk (as the
 * reference's {@code unit_tests/connector_builder/test_property_chunking.py} shows: two chunks, two pages).
 */
class PropertyChunkingTestReadTest {

    private static final String HUBSPOT_TOKEN = "hubspot-example-token";
    private static final String LINKEDIN_TOKEN = "linkedin-example-token";

    private static List<Integer> recordsPerPage(StreamReadSlice slice) {
        return slice.pages().stream().map(page -> page.records().size()).toList();
    }

    @Test
    void hubSpotChunksArePagesInOrderAndThePropertiesEndpointIsAuxiliary() {
        try (HubSpotMockApi api = HubSpotMockApi.start(HubSpotMockApi.Options.defaults())) {
            JsonNode manifest = DemoManifests.resource("chunking/hubspot/manifest.yaml");
            ObjectNode config = DemoManifests.config("base_url", api.baseUri().toString(), "access_token",
                    HUBSPOT_TOKEN);

            StreamRead read = new TestReader().testRead(DemoManifests.input(manifest), config, "contacts",
                    TestReadLimits.DEFAULTS.withMaxPagesPerSlice(2), null);

            assertThat(read.logs()).noneMatch(log -> log.level().equals("ERROR"));
            assertThat(read.slices()).hasSize(1);
            StreamReadSlice slice = read.slices().get(0);
            // 2 pages of 3 chunk requests each; the 100 merged contacts of page 1 come with its third chunk, and
            // page 2's first record is past max_records (100), so its records are dropped.
            assertThat(recordsPerPage(slice)).containsExactly(0, 0, 100, 0, 0, 0);
            assertThat(slice.pages().get(0).request().url()).contains("/crm/v3/objects/contacts");
            assertThat(slice.pages().get(3).request().url()).contains("after=");
            assertThat(read.testReadLimitReached()).isTrue();
            // The properties endpoint (the reference hides it, a request of another stream): auxiliary here.
            assertThat(read.auxiliaryRequests()).singleElement().satisfies(properties -> {
                assertThat(properties.title()).isEqualTo("Stream 'dynamic_properties' request");
                assertThat(properties.type()).isEqualTo("HTTP");
                assertThat(properties.request().url()).contains("/crm/v3/properties/contacts");
            });
            assertThat(Json.write(read.toJson())).doesNotContain(HUBSPOT_TOKEN);
            assertThat(slice.pages().get(0).request().headers()).containsEntry("Authorization", "Bearer ****");
        }
    }

    @Test
    void linkedInChunksStayWithinTheFieldLimitAndMergeOnTheLastChunk() {
        try (LinkedInAdsMockApi api = LinkedInAdsMockApi.start(LinkedInAdsMockApi.Options.defaults())) {
            JsonNode manifest = DemoManifests.resource("chunking/linkedin_ads/manifest.yaml");
            ObjectNode config = DemoManifests.config("base_url", api.baseUri().toString(), "access_token",
                    LINKEDIN_TOKEN);

            StreamRead read = new TestReader().testRead(DemoManifests.input(manifest), config,
                    "ad_campaign_analytics", TestReadLimits.DEFAULTS.withMaxRecords(1000), null);

            assertThat(read.logs()).noneMatch(log -> log.level().equals("ERROR"));
            assertThat(read.slices()).isNotEmpty();
            StreamReadSlice slice = read.slices().get(0);
            // 4 chunk requests per page: records only on every fourth page.
            List<Integer> counts = recordsPerPage(slice);
            assertThat(counts.size() % 4).isZero();
            for (int i = 0; i < counts.size(); i++) {
                if (i % 4 != 3) {
                    assertThat(counts.get(i)).as("records of chunk page %s", i).isZero();
                }
            }
            for (StreamReadPage page : slice.pages()) {
                String query = URLDecoder.decode(URI.create(page.request().url()).getRawQuery(),
                        StandardCharsets.UTF_8);
                assertThat(page.response().status()).isEqualTo(200);
                assertThat(query).contains("fields=");
            }
            assertThat(api.refusedCount()).isZero();
            assertThat(Json.write(read.toJson())).doesNotContain(LINKEDIN_TOKEN);
            assertThat(read.inferredSchema().path("required")).isNotEmpty();
        }
    }
}

package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.examples.chunking.HubSpotMockApi;
import dev.sluice.examples.chunking.LinkedInAdsMockApi;
import dev.sluice.protocol.AirbyteLog;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.sluice.source.RunContext;
import org.junit.jupiter.api.AfterEach;

/**
 * {@code sluice read --manifest} with the two property-chunking examples of sluice-examples, against their mock
 * APIs, which refuse over-limit requests as the real APIs do: every record comes out once and whole, with the
 * expected number of requests; without chunking the same reads fail.
 */
class ChunkingExamplesCliTest {

    private final RunContext run = RunContext.named("test");

    @AfterEach
    void closeRun() {
        run.close();
    }

    private static final String CONTACTS = "/crm/v3/objects/contacts";
    private static final String PROPERTIES = "/crm/v3/properties/contacts";

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name.replace('/', '_'));
        try (InputStream in = HubSpotMockApi.class.getResourceAsStream("/chunking/" + name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    private CliRun read(Path manifest, String baseUrl, String token) throws IOException {
        ObjectNode config = Json.object().put("base_url", baseUrl).put("access_token", token);
        Path configFile = dir.resolve("config.json");
        Files.writeString(configFile, Json.write(config));
        Path catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, Json.write(ConnectorHarness.catalogOf(
                ManifestSources.fromFile(manifest).streams(Config.of(config), run), false)));
        return CliRun.of("read", "--manifest", manifest.toString(), "--config", configFile.toString(),
                "--catalog", catalog.toString());
    }

    @Test
    void hubSpotContactsComeOutOnceAndWhole() throws IOException {
        try (HubSpotMockApi api = HubSpotMockApi.start(HubSpotMockApi.Options.defaults())) {
            CliRun run = read(resource("hubspot/manifest.yaml"), api.baseUri().toString(), "hubspot-example-token");

            assertThat(run.exitCode()).as(run.stdout()).isZero();
            List<ObjectNode> contacts = run.output().records("contacts");
            assertThat(contacts).hasSize(250);
            Set<String> ids = new HashSet<>();
            for (ObjectNode contact : contacts) {
                assertThat(ids.add(contact.get("id").asText())).as("contact %s comes out once", contact.get("id")).isTrue();
                assertWholeContact(contact);
            }
            // 77 property names of 1,488 characters (each length + 3) make 3 chunks of at most 500; 250 contacts
            // make 3 pages of 100: 3 x 3 requests, plus one to the properties endpoint.
            assertThat(api.requestCount(PROPERTIES)).isEqualTo(1);
            assertThat(api.requestCount(CONTACTS)).isEqualTo(9);
            assertThat(api.refusedCount()).isZero();
            assertThat(warnings(run)).noneMatch(warning -> warning.contains("property chunk"));
        }
    }

    private static void assertWholeContact(ObjectNode contact) {
        int id = contact.get("id").asInt();
        JsonNode properties = contact.get("properties");
        Set<String> expected = new TreeSet<>(HubSpotMockApi.PROPERTIES);
        expected.addAll(HubSpotMockApi.ALWAYS_RETURNED);
        Set<String> actual = new TreeSet<>();
        properties.fieldNames().forEachRemaining(actual::add);
        assertThat(actual).as("properties of contact %s", id).isEqualTo(expected);
        for (String property : HubSpotMockApi.PROPERTIES) {
            JsonNode value = properties.get(property);
            if (HubSpotMockApi.hasValue(property, id)) {
                assertThat(value.asText()).isEqualTo(HubSpotMockApi.value(property, id));
            } else {
                assertThat(value.isNull()).as("%s of %s", property, id).isTrue();
            }
        }
        assertThat(properties.get("hs_object_id").asText()).isEqualTo(String.valueOf(id));
        assertThat(contact.get("archived").asBoolean()).isFalse();
    }

    @Test
    void withoutChunkingHubSpotRefusesTheLongUrl() throws IOException {
        Path manifest = resource("hubspot/manifest.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("property_limit: 500", "property_limit: 0"));
        try (HubSpotMockApi api = HubSpotMockApi.start(HubSpotMockApi.Options.defaults())) {
            CliRun run = read(manifest, api.baseUri().toString(), "hubspot-example-token");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.output().records("contacts")).isEmpty();
            assertThat(run.output().errors().get(0).message()).contains("414");
            assertThat(api.refusedCount()).isEqualTo(api.requestCount(CONTACTS)).isPositive();
        }
    }

    @Test
    void aContactMissingFromOneChunkIsCountedInAWarning() throws IOException {
        HubSpotMockApi.Options options = HubSpotMockApi.Options.defaults().omitting("hs_email_domain", "1042");
        try (HubSpotMockApi api = HubSpotMockApi.start(options)) {
            CliRun run = read(resource("hubspot/manifest.yaml"), api.baseUri().toString(), "hubspot-example-token");

            assertThat(run.exitCode()).isZero();
            assertThat(run.output().records("contacts")).hasSize(250);
            assertThat(warnings(run)).anyMatch(warning -> warning.startsWith("Stream contacts: 1 of 250 merged records "
                    + "did not come back from every property chunk request"));
        }
    }

    @Test
    void linkedInAnalyticsRowsComeOutOnceAndWhole() throws IOException {
        try (LinkedInAdsMockApi api = LinkedInAdsMockApi.start(LinkedInAdsMockApi.Options.defaults())) {
            CliRun run = read(resource("linkedin_ads/manifest.yaml"), api.baseUri().toString(),
                    "linkedin-example-token");

            assertThat(run.exitCode()).as(run.stdout()).isZero();
            List<ObjectNode> rows = run.output().records("ad_campaign_analytics");
            assertThat(rows).hasSize(api.rowCount()).hasSize(120);
            Set<String> keys = new HashSet<>();
            for (ObjectNode row : rows) {
                String key = row.get("end_date").asText() + "," + row.get("string_of_pivot_values").asText();
                assertThat(keys.add(key)).as("row %s comes out once", key).isTrue();
                assertWholeRow(row);
            }
            // 60 metrics, 18 per call (plus dateRange and pivotValues: 20 fields) make 4 chunks; 120 rows make 3
            // pages of 50: 3 x 4 requests.
            assertThat(api.requestCount()).isEqualTo(12);
            assertThat(api.refusedCount()).isZero();
        }
    }

    private static void assertWholeRow(ObjectNode row) {
        LocalDate day = LocalDate.parse(row.get("end_date").asText());
        String pivot = row.get("string_of_pivot_values").asText();
        int campaign = Integer.parseInt(pivot.substring(pivot.lastIndexOf(':') + 1));
        assertThat(row.get("start_date").asText()).isEqualTo(day.toString());
        assertThat(row.get("pivotValues").toString()).isEqualTo("[\"urn:li:sponsoredCampaign:" + campaign + "\"]");
        assertThat(row.get("dateRange").get("end").get("day").asInt()).isEqualTo(day.getDayOfMonth());
        for (String metric : LinkedInAdsMockApi.METRICS) {
            assertThat(row.get(metric)).as("%s of %s", metric, pivot + " " + day).isNotNull();
            assertThat(row.get(metric).asText()).isEqualTo(String.valueOf(LinkedInAdsMockApi.value(metric, campaign, day)));
        }
        assertThat(row.size()).as("60 metrics, dateRange, pivotValues and 3 added fields").isEqualTo(65);
    }

    @Test
    void moreThanTwentyFieldsPerCallIsRefused() throws IOException {
        Path manifest = resource("linkedin_ads/manifest.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("property_limit: 18", "property_limit: 19"));
        try (LinkedInAdsMockApi api = LinkedInAdsMockApi.start(LinkedInAdsMockApi.Options.defaults())) {
            CliRun run = read(manifest, api.baseUri().toString(), "linkedin-example-token");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.output().errors().get(0).message()).contains("Too many fields requested: 21");
            assertThat(api.refusedCount()).isPositive();
        }
    }

    private static List<String> warnings(CliRun run) {
        return run.output().messages().stream().filter(AirbyteLog.class::isInstance).map(AirbyteLog.class::cast)
                .filter(log -> log.level() == AirbyteLog.Level.WARN).map(AirbyteLog::message).toList();
    }
}

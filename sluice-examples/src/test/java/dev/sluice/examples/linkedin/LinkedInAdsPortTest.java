package dev.sluice.examples.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.examples.linkedin.mock.LinkedInAdsApiMock;
import dev.sluice.examples.linkedin.mock.LinkedInAdsData;
import dev.sluice.examples.linkedin.mock.LinkedInAdsExpectations;
import dev.sluice.examples.linkedin.mock.LinkedInAdsExpectations.CustomReport;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The ported LinkedIn Ads connector end to end: its manifest (the public one with Java {@code class_name}s) read
 * in-process against {@link LinkedInAdsApiMock}, which refuses what LinkedIn refuses. Every stream is read, and
 * the records are checked against the mock's data: they come out right only when the Java components are (the
 * Rest.li query encoding, the flattening, the merge keys of the property chunks).
 */
class LinkedInAdsPortTest {

    private static final String TOKEN = "linkedin-port-token";
    private static final CustomReport REPORT = new CustomReport("monthly_countries", "MEMBER_COUNTRY_V2", "MONTHLY");

    @TempDir
    Path dir;

    private LinkedInAdsApiMock mock;
    private LocalDate startDate;
    private Config config;

    @BeforeEach
    void start() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        mock = LinkedInAdsApiMock.start(LinkedInAdsData.relativeTo(today), TOKEN);
        startDate = today.minusDays(40);
        config = Config.of(mock.config(startDate, REPORT.name() + ":" + REPORT.pivot() + ":" + REPORT.granularity()));
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private ConnectorHarness harness(String manifest) throws IOException {
        Path file = dir.resolve("manifest.yaml");
        Files.writeString(file, manifest);
        return ConnectorHarness.of(SourceLocation.manifestFile(file));
    }

    @Test
    void theManifestIsThePublicOneWithJavaClassNames() throws IOException {
        Path corpus = Path.of("../../shared/manifests/source-linkedin-ads/manifest.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(corpus), "the manifest corpus is not here");
        String ported;
        try (InputStream in = LinkedInAdsPortTest.class.getResourceAsStream(LinkedInAdsApiMock.MANIFEST_RESOURCE)) {
            ported = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String original = Files.readString(corpus);
        assertThat(ported).isEqualTo(original.replace("class_name: source_declarative_manifest.components.",
                "class_name: dev.sluice.examples.linkedin."));
        assertThat(ported).doesNotContain("source_declarative_manifest");
    }

    @Test
    void discoverListsTheManifestsStreamsWithTheirSchemas() throws IOException {
        Output output = harness(mock.manifestPointedHere()).discover(config);

        assertThat(output.exitCode()).as(output.errors().toString()).isZero();
        Map<String, Object> manifest = new Yaml().load(mock.manifestPointedHere());
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = (Map<String, Object>) manifest.get("schemas");
        List<String> names = new ArrayList<>();
        for (AirbyteStream stream : output.catalog().orElseThrow().streams()) {
            names.add(stream.name());
            String schemaName = stream.name().startsWith("custom_") ? "ad_campaign_analytics" : stream.name();
            JsonNode declared = Json.MAPPER.valueToTree(schemas.get(schemaName));
            assertThat(stream.jsonSchema()).as(stream.name()).isEqualTo(declared);
        }
        List<String> expected = new ArrayList<>(new LinkedInAdsExpectations(mock.data(), startDate, List.of(REPORT))
                .streams());
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyStreamReadsRightThroughTheJavaComponents() throws IOException {
        Output output = harness(mock.manifestPointedHere()).readAll(config, true, StateInput.empty());

        assertThat(output.errors()).isEmpty();
        assertThat(output.exitCode()).isZero();
        assertThat(mock.refused()).as("requests the mock refused as LinkedIn would").isEmpty();
        LinkedInAdsExpectations expectations = new LinkedInAdsExpectations(mock.data(), startDate, List.of(REPORT));
        for (String stream : expectations.streams()) {
            assertThat(expectations.problems(stream, output.records(stream))).as(stream).isEmpty();
        }
        // Every analytics call asked for at most 20 fields, dateRange and pivotValues among them.
        List<LinkedInAdsApiMock.Request> analytics = mock.requests().stream()
                .filter(request -> request.target().startsWith("/rest/adAnalytics")).toList();
        assertThat(analytics).isNotEmpty().allSatisfy(request -> assertThat(request.target())
                .contains("fields=").contains("dateRange").contains("pivotValues"));
        // Cursor pages and offset pages were followed.
        assertThat(mock.requests()).anyMatch(request -> request.target().startsWith("/rest/adAccounts?")
                && request.target().contains("pageToken=page-2"));
        assertThat(mock.requests()).anyMatch(request -> request.target().startsWith("/rest/conversions?")
                && request.target().contains("start=500"));
    }

    @Test
    void aSecondReadFromTheFinalStateReturnsNothingOlderThanTheCursor() throws IOException {
        ConnectorHarness harness = harness(mock.manifestPointedHere());
        Output first = harness.readAll(config, true, StateInput.empty());
        assertThat(first.exitCode()).isZero();

        Output second = harness.readAll(config, true, ConnectorHarness.stateOf(first));

        assertThat(second.exitCode()).isZero();
        // Client-side cursors keep the records at the cursor itself (the reference compares with >=).
        for (String stream : List.of("account_users", "campaign_groups", "conversions")) {
            Map<String, String> newest = new java.util.HashMap<>();
            first.records(stream).forEach(record -> newest.merge(record.get("account").asText(),
                    cursor(record.get("lastModified")), (a, b) -> a.compareTo(b) >= 0 ? a : b));
            String oldestNewest = newest.values().stream().min(String::compareTo).orElseThrow();
            assertThat(second.records(stream)).as(stream).allSatisfy(record -> assertThat(cursor(record.get("lastModified")))
                            .isGreaterThanOrEqualTo(oldestNewest));
        }
        assertThat(second.records("conversions")).hasSizeLessThan(first.records("conversions").size() / 10);
        // The analytics streams start again at the last day read, never earlier.
        assertThat(second.records("ad_campaign_analytics")).isNotEmpty().allSatisfy(record -> assertThat(
                LocalDate.parse(record.get("end_date").asText())).isAfterOrEqualTo(mock.data().today()));
    }

    /** A cursor value that sorts as it compares: RFC 3339 text as it is, milliseconds zero-padded. */
    private static String cursor(JsonNode value) {
        return value.isNumber() ? String.format("%020d", value.asLong()) : value.asText();
    }

    @Test
    void withThePlainRequesterLinkedInRefusesTheEscapedRestliSyntax() throws IOException {
        // The same manifest with the Java requester replaced by the standard one: its form encoding escapes the
        // Rest.li parentheses and colons, and LinkedIn (the mock) answers 400.
        String plain = mock.manifestPointedHere().replace("type: CustomRequester\n"
                + "          class_name: dev.sluice.examples.linkedin.SafeEncodeHttpRequester", "type: HttpRequester");
        assertThat(plain).doesNotContain("SafeEncodeHttpRequester");
        Output output = harness(plain).read(config, catalogOf(plain, "campaigns"), StateInput.empty());

        assertThat(output.exitCode()).isNotZero();
        assertThat(output.errors()).isNotEmpty();
        assertThat(output.errors().get(0).failureType()).isNotEqualTo(FailureType.CONFIG_ERROR);
        assertThat(mock.refused()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.status()).isEqualTo(400);
            assertThat(request.error()).contains("unescaped");
        });
    }

    private dev.sluice.protocol.ConfiguredAirbyteCatalog catalogOf(String manifest, String stream) throws IOException {
        Path file = dir.resolve("catalog-manifest.yaml");
        Files.writeString(file, manifest);
        dev.sluice.source.Source source = new dev.sluice.loader.SourceLoader(getClass().getClassLoader())
                .load(SourceLocation.manifestFile(file));
        List<dev.sluice.source.Stream> streams;
        try (dev.sluice.source.RunContext run = dev.sluice.source.RunContext.named("catalog")) {
            streams = source.streams(config, run).stream().filter(s -> s.name().equals(stream)).toList();
        }
        return ConnectorHarness.catalogOf(streams, false);
    }
}

package dev.sluice.examples.linkedin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.custom.RequestDraft;
import dev.sluice.http.HttpRequest;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two Java components of the LinkedIn Ads port on their own, with LinkedIn-shaped input. */
class LinkedInAdsComponentsTest {

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static List<ObjectNode> extract(String body) {
        List<ObjectNode> records = new ArrayList<>();
        new LinkedInAdsRecordExtractor().extract(json(body), records::add);
        return records;
    }

    @Test
    void theRequesterSendsRestliValuesUnescapedAndPreEncodedUrnsAsWritten() {
        // As the default requester form-encodes the manifest's values.
        URI built = URI.create("https://api.linkedin.com/rest/adAnalytics?q=analytics&pivot=%28value%3ACAMPAIGN%29"
                + "&campaigns=List%28urn%253Ali%253AsponsoredCampaign%253A2001%29"
                + "&dateRange=%28start%3A%28year%3A2024%2Cmonth%3A1%2Cday%3A2%29%29&fields=clicks%2CdateRange"
                + "&note=a+b%2Fc%26d%C3%A9");
        HttpRequest request = new HttpRequest("GET", built, Map.of("Linkedin-Version", "202502"), null);

        HttpRequest prepared = new SafeEncodeHttpRequester().prepare(new RequestDraft(request, StreamSlice.EMPTY, null));

        assertThat(prepared.uri().getRawQuery()).isEqualTo("q=analytics&pivot=(value:CAMPAIGN)"
                + "&campaigns=List(urn%3Ali%3AsponsoredCampaign%3A2001)"
                + "&dateRange=(start:(year:2024,month:1,day:2))&fields=clicks,dateRange&note=a+b%2Fc%26d%C3%A9");
        assertThat(prepared.uri().getRawPath()).isEqualTo("/rest/adAnalytics");
        assertThat(prepared.headers()).containsEntry("Linkedin-Version", "202502");
    }

    @Test
    void theRequesterEncodesLikePythonsQuotePlusWithTheRestliCharactersSafe() {
        assertThat(SafeEncodeHttpRequester.encode("AZaz09_.-~():,%")).isEqualTo("AZaz09_.-~():,%");
        assertThat(SafeEncodeHttpRequester.encode("a b/c?d=e&f+g*'!")).isEqualTo("a+b%2Fc%3Fd%3De%26f%2Bg%2A%27%21");
        assertThat(SafeEncodeHttpRequester.encode("é€")).isEqualTo("%C3%A9%E2%82%AC");
    }

    @Test
    void changeAuditStampsBecomeRfc3339CreatedAndLastModified() {
        // 1629581275123 ms is 2021-08-21 21:27:55.123 UTC; the reference keeps whole seconds.
        List<ObjectNode> records = extract("""
                {"elements": [{"id": 7, "name": "n", "changeAuditStamps": {"created": {"time": 1629581275123},
                  "lastModified": {"time": 1629664544760}}}], "metadata": {}}""");

        assertThat(records).hasSize(1);
        ObjectNode record = records.get(0);
        assertThat(record.has("changeAuditStamps")).isFalse();
        assertThat(record.get("created").asText()).isEqualTo("2021-08-21T21:27:55+00:00");
        assertThat(record.get("lastModified").asText()).isEqualTo("2021-08-22T20:35:44+00:00");
        assertThat(record.get("id").asInt()).isEqualTo(7);
    }

    @Test
    void analyticsRowsGetStartAndEndDatesAndTheirPivotValuesAsOneString() {
        List<ObjectNode> records = extract("""
                {"elements": [{"dateRange": {"start": {"year": 2024, "month": 2, "day": 9},
                  "end": {"year": 2024, "month": 3, "day": 1}}, "pivotValues": ["urn:li:geo:1", "urn:li:geo:2"],
                  "clicks": 3, "pivot": "MEMBER_COUNTRY_V2", "start": "x"}]}""");

        ObjectNode record = records.get(0);
        assertThat(record.get("start_date").asText()).isEqualTo("2024-02-09");
        assertThat(record.get("end_date").asText()).isEqualTo("2024-03-01");
        assertThat(record.has("dateRange")).isFalse();
        assertThat(record.has("start")).as("the reference clears the temporary keys").isFalse();
        assertThat(record.get("string_of_pivot_values").asText()).isEqualTo("urn:li:geo:1,urn:li:geo:2");
        assertThat(record.get("pivotValues")).hasSize(2);
        assertThat(record.has("pivot")).isFalse();
        assertThat(record.get("_pivot").asText()).isEqualTo("MEMBER_COUNTRY_V2");
    }

    @Test
    void targetingCriteriaFacetsBecomeTypeAndValues() {
        ObjectNode record = extract("""
                {"elements": [{"targetingCriteria": {
                  "include": {"and": [
                    {"or": {"urn:li:adTargetingFacet:titles": ["urn:li:title:100", "urn:li:title:7"]}},
                    {"or": {"urn:li:adTargetingFacet:locations": ["urn:li:geo:1"],
                            "urn:li:adTargetingFacet:audiences": [{"id": 1}, {"id": 2}],
                            "urn:li:adTargetingFacet:range": {"min": 1},
                            "urn:li:adTargetingFacet:none": []}}]},
                  "exclude": {"or": {"urn:li:adTargetingFacet:employers": ["urn:li:organization:9"]}}}}]}""")
                .get(0);

        JsonNode expected = json("""
                {"include": {"and": [
                  {"type": "urn:li:adTargetingFacet:titles", "values": ["urn:li:title:100", "urn:li:title:7"]},
                  {"type": "urn:li:adTargetingFacet:locations", "values": ["urn:li:geo:1"]},
                  {"type": "urn:li:adTargetingFacet:audiences", "values": [{"id": 1}, {"id": 2}]},
                  {"type": "urn:li:adTargetingFacet:range", "values": [{"min": 1}]},
                  {"type": "urn:li:adTargetingFacet:none", "values": []}]},
                 "exclude": {"or": [
                  {"type": "urn:li:adTargetingFacet:employers", "values": ["urn:li:organization:9"]}]}}""");
        assertThat(record.get("targetingCriteria")).isEqualTo(expected);
    }

    @Test
    void variablesBecomeTypeAndKeyValuesWrittenAsPythonJson() {
        ObjectNode record = extract("""
                {"elements": [{"variables": {"clickUri": "https://x", "data": {
                  "com.linkedin.ads.SponsoredUpdateCreativeVariables": {"activity": "urn:li:activity:1",
                    "directSponsoredContent": 0, "ratio": 0.5, "big": 1e20, "nested": {"a": [1, true, null]},
                    "name": "Café \\"A\\""}}}}]}""").get(0);

        JsonNode expected = json("""
                {"clickUri": "https://x", "type": "com.linkedin.ads.SponsoredUpdateCreativeVariables", "values": [
                  {"key": "activity", "value": "\\"urn:li:activity:1\\""},
                  {"key": "directSponsoredContent", "value": "0"},
                  {"key": "ratio", "value": "0.5"},
                  {"key": "big", "value": "1e+20"},
                  {"key": "nested", "value": "{\\"a\\": [1, true, null]}"},
                  {"key": "name", "value": "\\"Caf\\\\u00e9 \\\\\\"A\\\\\\"\\""}]}""");
        assertThat(record.get("variables")).isEqualTo(expected);
    }

    @Test
    void aResponseWithoutElementsHasNoRecordsAndABrokenDateRangeIsAnError() {
        assertThat(extract("{\"paging\": {}}")).isEmpty();
        assertThatThrownBy(() -> extract("""
                {"elements": [{"dateRange": {"start": {"year": 2024, "month": 13, "day": 1}, "end": {}}}]}"""))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("dateRange.start is not a date");
    }

    @Test
    void dateTimesInOtherShapesAreWrittenAsRfc3339Too() {
        assertThat(LinkedInAdsRecordExtractor.rfc3339(Json.nodes().textNode("2024-05-01"))).isEqualTo("2024-05-01T00:00:00+00:00");
        assertThat(LinkedInAdsRecordExtractor.rfc3339(Json.nodes().textNode("2024-05-01T10:00:00Z"))).isEqualTo("2024-05-01T10:00:00+00:00");
        assertThat(LinkedInAdsRecordExtractor.rfc3339(Json.nodes().textNode("2024-05-01T10:00:00.25+02:00")))
                .isEqualTo("2024-05-01T10:00:00.250000+02:00");
        assertThat(LinkedInAdsRecordExtractor.rfc3339(Json.nodes().numberNode(1629581275L))).isEqualTo("2021-08-21T21:27:55+00:00");
    }

    @Test
    void theErrorHandlerRetriesAFailedDnsLookupAsTransientAndKeepsTheDefaultsOtherwise() {
        try (dev.sluice.source.RunContext run = dev.sluice.source.RunContext.named("test")) {
            dev.sluice.declarative.component.BuildContext build = dev.sluice.declarative.component.BuildContext.of(
                    dev.sluice.source.Config.of(Json.object()), run);
            LinkedInAdsErrorHandler handler = new LinkedInAdsErrorHandler(new dev.sluice.declarative.custom
                    .CustomComponentContext(LinkedInAdsErrorHandler.class.getName(), Json.object(), Json.object(),
                    build, dev.sluice.declarative.manifest.SpecLocation.UNKNOWN));
            HttpRequest request = new HttpRequest("GET", URI.create("https://api.linkedin.com/rest/adAccounts"),
                    Map.of(), null);
            java.net.ConnectException dns = new java.net.ConnectException("api.linkedin.com");
            dns.initCause(new java.nio.channels.UnresolvedAddressException());

            dev.sluice.http.ErrorResolution resolution = handler.classify(request, dns);

            assertThat(resolution.action()).isEqualTo(dev.sluice.http.ResponseAction.RETRY);
            assertThat(resolution.failureType()).isEqualTo(dev.sluice.protocol.FailureType.TRANSIENT_ERROR);
            assertThat(resolution.message()).isEqualTo(LinkedInAdsErrorHandler.DNS_MESSAGE);
            assertThat(handler.classify(request, new java.io.IOException("reset")).message())
                    .startsWith("Connection failed");
            assertThat(handler.classify(new dev.sluice.http.HttpResponse(request, 401, dev.sluice.http.ResponseHeaders
                    .NONE, new byte[0])).action()).isEqualTo(dev.sluice.http.ResponseAction.FAIL);
        }
    }
}

package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeOffRequestsEndpointTest extends DemoApiTestCase {

    @Test
    void allRowsAreSortedStrictlyByUpdatedAtWithinTwentyTwentyFour() throws Exception {
        List<JsonNode> rows = client.readAllPages("/time_off_requests", "");

        assertThat(rows).extracting(row -> row.get("id").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 1_000).boxed().collect(Collectors.toList()));
        List<Instant> updatedAt = updatedAt(rows);
        assertThat(updatedAt).isSortedAccordingTo(Instant::compareTo).doesNotHaveDuplicates();
        assertThat(updatedAt.get(0)).isAfter(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(updatedAt.get(999)).isBefore(Instant.parse("2025-01-01T00:00:00Z"))
                .isAfter(Instant.parse("2024-12-01T00:00:00Z"));
        assertThat(EmployeesEndpointTest.fieldNames(rows.get(0)))
                .containsExactly("id", "employee_id", "status", "starts_on", "ends_on", "updated_at");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("employee_id").asInt()).isBetween(1, 5_000);
            assertThat(row.get("status").asText()).isIn("approved", "pending", "denied", "cancelled");
            assertThat(row.get("ends_on").asText()).isGreaterThanOrEqualTo(row.get("starts_on").asText());
        });
    }

    @Test
    void updatedSinceKeepsOnlyLaterRows() throws Exception {
        String cutoff = client.getJson("/time_off_requests?page=5").get("data").get(99).get("updated_at").asText();

        JsonNode body = client.getJson("/time_off_requests?updated_since=" + cutoff);

        assertThat(body.get("data").get(0).get("id").asInt()).isEqualTo(501);
        assertThat(body.get("total").asInt()).isEqualTo(500);
        assertThat(client.readAllPages("/time_off_requests", "&updated_since=" + cutoff))
                .extracting(row -> row.get("id").asInt()).hasSize(500).startsWith(501).endsWith(1_000);
    }

    @Test
    void updatedSinceAcceptsDatesOffsetsAndAnUnencodedPlus() throws Exception {
        Instant july = Instant.parse("2024-07-01T00:00:00Z");
        String encodedOffset = URLEncoder.encode("2024-07-01T02:00:00+02:00", StandardCharsets.UTF_8);
        for (String since : List.of("2024-07-01", "2024-07-01T00:00:00Z", "2024-07-01T00:00:00",
                encodedOffset, "2024-07-01T02:00:00+02:00", "2024-07-01T00:00:00.000Z")) {
            List<JsonNode> rows = client.readAllPages("/time_off_requests", "&page_size=1000&updated_since=" + since);

            assertThat(updatedAt(rows)).as(since).allMatch(july::isBefore).hasSizeBetween(400, 600);
        }
    }

    @Test
    void appendedRowsAreTheOnlyOnesASecondIncrementalReadReturns() throws Exception {
        List<JsonNode> first = client.readAllPages("/time_off_requests", "");
        String cursor = first.get(first.size() - 1).get("updated_at").asText();

        assertThat(api.appendTimeOffRequests(25)).isEqualTo(1_025);
        List<JsonNode> second = client.readAllPages("/time_off_requests", "&updated_since=" + cursor);

        assertThat(second).extracting(row -> row.get("id").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1_001, 1_025).boxed().collect(Collectors.toList()));
        assertThat(updatedAt(second)).allMatch(Instant.parse(cursor)::isBefore)
                .isSortedAccordingTo(Instant::compareTo);
        assertThat(client.getJson("/time_off_requests?page=1").get("total").asInt()).isEqualTo(1_025);
    }

    @Test
    void theAdminEndpointAppendsRows() throws Exception {
        HttpResponse<String> response = client.postJson("/_admin/time_off_requests", "{\"append\": 5}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"total\":1005}");
        assertThat(api.timeOffRequestCount()).isEqualTo(1_005);
        assertThat(client.postJson("/_admin/time_off_requests", "{\"append\": 0}").statusCode()).isEqualTo(400);
    }

    @Test
    void sameSeedGivesTheSameRows() throws Exception {
        try (DemoApi twin = DemoApi.start(DemoApiOptions.defaults()); TestClient twinClient = new TestClient(twin)) {
            String target = "/time_off_requests?page=3&updated_since=2024-03-01";

            assertThat(twinClient.get(target).body()).isEqualTo(client.get(target).body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01", "2024-07-01T25:00:00Z", "1720000000"})
    void invalidUpdatedSinceIsRefused(String since) throws Exception {
        HttpResponse<String> response = client.get("/time_off_requests?updated_since=" + since);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("updated_since");
    }

    private static List<Instant> updatedAt(List<JsonNode> rows) {
        return rows.stream().map(row -> Instant.parse(row.get("updated_at").asText())).collect(Collectors.toList());
    }
}

package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmployeesEndpointTest extends DemoApiTestCase {

    @Test
    void pagesThroughFiveThousandEmployeesInIdOrder() throws Exception {
        List<JsonNode> rows = client.readAllPages("/employees", "");

        assertThat(rows).extracting(row -> row.get("id").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 5_000).boxed().collect(Collectors.toList()));
        assertThat(api.requests().forPath("/employees")).hasSize(50);
    }

    @Test
    void firstPageHasDefaultSizeAndEnvelope() throws Exception {
        JsonNode body = client.getJson("/employees");

        assertThat(body.get("data")).hasSize(100);
        assertThat(body.get("next_page").asInt()).isEqualTo(2);
        assertThat(body.get("total").asInt()).isEqualTo(5_000);
        assertThat(fieldNames(body)).containsExactly("data", "next_page", "total");
    }

    @Test
    void pageSizeSelectsTheRows() throws Exception {
        JsonNode body = client.getJson("/employees?page=3&page_size=7");

        assertThat(body.get("data")).extracting(row -> row.get("id").asInt())
                .containsExactly(15, 16, 17, 18, 19, 20, 21);
        assertThat(body.get("next_page").asInt()).isEqualTo(4);
    }

    @Test
    void lastPageAndPagesBeyondItHaveNoNextPage() throws Exception {
        JsonNode last = client.getJson("/employees?page=50");
        JsonNode beyond = client.getJson("/employees?page=51");

        assertThat(last.get("data")).hasSize(100);
        assertThat(last.get("next_page").isNull()).isTrue();
        assertThat(beyond.get("data")).isEmpty();
        assertThat(beyond.get("next_page").isNull()).isTrue();
    }

    @Test
    void rowsHaveTheDocumentedShape() throws Exception {
        for (JsonNode row : client.getJson("/employees?page_size=1000").get("data")) {
            assertThat(fieldNames(row)).containsExactly("id", "first_name", "last_name", "email", "department",
                    "salary", "active", "hired_at", "address", "tags", "updated_at");
            assertThat(row.get("id").isInt()).isTrue();
            assertThat(row.get("email").asText()).matches("[a-z]+\\.[a-z]+\\d+@example\\.com");
            assertThat(row.get("salary").isNumber()).isTrue();
            assertThat(row.get("salary").decimalValue()).isBetween(
                    new BigDecimal("38000"), new BigDecimal("190000"));
            assertThat(row.get("active").isBoolean()).isTrue();
            assertThat(row.get("hired_at").asText()).matches("20[12]\\d-\\d\\d-\\d\\d");
            assertThat(fieldNames(row.get("address"))).containsExactly("street", "city", "postal_code", "country");
            assertThat(row.get("tags").isArray()).isTrue();
            assertThat(row.get("updated_at").asText()).matches("2024-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        }
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOtherData() throws Exception {
        try (DemoApi twin = DemoApi.start(DemoApiOptions.defaults());
                DemoApi other = DemoApi.start(DemoApiOptions.defaults().withSeed(7));
                TestClient twinClient = new TestClient(twin);
                TestClient otherClient = new TestClient(other)) {
            for (String target : List.of("/employees?page=1", "/employees?page=37&page_size=50")) {
                String body = client.get(target).body();

                assertThat(twinClient.get(target).body()).isEqualTo(body);
                assertThat(otherClient.get(target).body()).isNotEqualTo(body);
            }
        }
    }

    @Test
    void employeeCountIsAnOption() throws Exception {
        try (DemoApi small = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(250));
                TestClient smallClient = new TestClient(small)) {
            List<JsonNode> rows = smallClient.readAllPages("/employees", "");

            assertThat(rows).hasSize(250);
            assertThat(smallClient.getJson("/employees").get("total").asInt()).isEqualTo(250);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "page=-1", "page=abc", "page_size=0", "page_size=1001", "page=1.5"})
    void invalidPagingParametersAreRefused(String query) throws Exception {
        HttpResponse<String> response = client.get("/employees?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"error\":\"page");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OtherEndpointsTest extends DemoApiTestCase {

    @Test
    void benefitsAreOnePageOfTwoHundredWithOneToThreeDistinctPlansPerEmployee() throws Exception {
        JsonNode body = client.getJson("/employee_benefits");

        assertThat(EmployeesEndpointTest.fieldNames(body)).containsExactly("benefits");
        JsonNode benefits = body.get("benefits");
        assertThat(benefits).hasSize(200);
        Map<Integer, List<String>> plansByEmployee = new HashMap<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode benefit : benefits) {
            assertThat(EmployeesEndpointTest.fieldNames(benefit))
                    .containsExactly("id", "employee_id", "plan", "monthly_cost", "starts_on");
            assertThat(EmployeesEndpointTest.fieldNames(benefit.get("plan"))).containsExactly("name", "tier");
            assertThat(benefit.get("monthly_cost").isNumber()).isTrue();
            assertThat(benefit.get("starts_on").asText()).matches("2024-\\d\\d-\\d\\d");
            ids.add(benefit.get("id").asInt());
            plansByEmployee.computeIfAbsent(benefit.get("employee_id").asInt(), id -> new ArrayList<>())
                    .add(benefit.get("plan").get("name").asText());
        }
        assertThat(ids).hasSize(200);
        assertThat(plansByEmployee.values()).allSatisfy(plans -> assertThat(plans).hasSizeBetween(1, 3)
                .doesNotHaveDuplicates());
        assertThat(plansByEmployee.keySet()).allMatch(id -> id >= 1 && id <= 5_000);
    }

    @Test
    void benefitsAreDeterministic() throws Exception {
        try (DemoApi twin = DemoApi.start(DemoApiOptions.defaults()); TestClient twinClient = new TestClient(twin)) {
            assertThat(twinClient.get("/employee_benefits").body()).isEqualTo(client.get("/employee_benefits").body());
        }
    }

    @Test
    void healthIsOk() throws Exception {
        HttpResponse<String> response = client.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void unknownPathsAreJson404s() throws Exception {
        for (String target : List.of("/nope", "/employees/1", "/_admin", "/_admin/nope")) {
            HttpResponse<String> response = client.get(target);

            assertThat(response.statusCode()).as(target).isEqualTo(404);
            assertThat(response.body()).as(target).startsWith("{\"error\":\"no such");
        }
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        HttpResponse<String> response = client.send(client.request("/employees")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).isEqualTo("{\"error\":\"/employees accepts only GET\"}");
    }
}

package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parent/child pair: {@code /departments} and {@code /departments/{id}/employees}. */
class DepartmentsEndpointTest extends DemoApiTestCase {

    @Override
    protected DemoApiOptions options() {
        return DemoApiOptions.defaults().withEmployeeCount(400);
    }

    @Test
    void theDepartmentsAreListedAndCanBeHeldBack() throws Exception {
        JsonNode all = client.getJson("/departments").get("data");
        api.listDepartments(6);
        JsonNode six = client.getJson("/departments").get("data");

        assertThat(all).hasSize(8);
        assertThat(all.get(0).toString()).isEqualTo("{\"id\":1,\"name\":\"Engineering\"}");
        assertThat(all.get(7).toString()).isEqualTo("{\"id\":8,\"name\":\"Legal\"}");
        assertThat(six).hasSize(6);
        assertThat(client.get("/departments/8/employees").statusCode()).as("an unlisted department still answers")
                .isEqualTo(200);
        assertThatThrownBy(() -> api.listDepartments(9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEmployeeIsInTheEmployeesOfExactlyOneDepartment() throws Exception {
        List<JsonNode> employees = client.readAllPages("/employees", "");
        List<Integer> ids = new ArrayList<>();
        for (JsonNode department : client.getJson("/departments").get("data")) {
            List<JsonNode> members = client.readAllPages("/departments/" + department.get("id") + "/employees",
                    "&page_size=30");
            assertThat(members).allSatisfy(member ->
                    assertThat(member.get("department")).isEqualTo(department.get("name")));
            assertThat(members).extracting(member -> member.get("id").asInt()).isSorted();
            members.forEach(member -> ids.add(member.get("id").asInt()));
        }

        assertThat(ids).containsExactlyInAnyOrderElementsOf(
                employees.stream().map(employee -> employee.get("id").asInt()).toList());
        assertThat(employees.get(0)).isEqualTo(client.readAllPages("/departments/"
                + (List.of("Engineering", "Finance", "Marketing", "Operations", "People", "Sales", "Support", "Legal")
                        .indexOf(employees.get(0).get("department").asText()) + 1) + "/employees", "").get(0));
    }

    @Test
    void updatedFromAndToAreBothInclusive() throws Exception {
        List<JsonNode> members = client.readAllPages("/departments/2/employees", "");
        List<String> times = members.stream().map(member -> member.get("updated_at").asText()).sorted().toList();
        String from = times.get(3);
        String to = times.get(10);

        JsonNode body = client.getJson("/departments/2/employees?page_size=100&updated_from=" + from
                + "&updated_to=" + to);

        assertThat(body.get("total").asInt()).isEqualTo(8);
        assertThat(body.get("data")).extracting(member -> member.get("updated_at").asText())
                .contains(from, to).allSatisfy(time -> assertThat(time).isBetween(from, to));
    }

    @Test
    void unknownDepartmentsAndBadTimesAreRefused() throws Exception {
        assertThat(client.get("/departments/0/employees").statusCode()).isEqualTo(404);
        assertThat(client.get("/departments/9/employees").statusCode()).isEqualTo(404);
        assertThat(client.get("/departments/1/employees?updated_from=yesterday").body())
                .isEqualTo("{\"error\":\"updated_from must be an ISO-8601 date or date-time\"}");
    }
}

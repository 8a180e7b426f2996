package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLogTest extends DemoApiTestCase {

    @Test
    void recordsMethodPathQueryHeadersAndTime() throws Exception {
        Instant before = Instant.now();
        client.send(client.request("/employees?page=2&page_size=5&note=a%20b+c&flag").header("X-Trace", "t-1"));
        Instant after = Instant.now();

        RecordedRequest request = api.requests().last().orElseThrow();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/employees");
        assertThat(request.query()).containsExactly(Map.entry("page", List.of("2")),
                Map.entry("page_size", List.of("5")), Map.entry("note", List.of("a b c")),
                Map.entry("flag", List.of("")));
        assertThat(request.queryParameter("page")).hasValue("2");
        assertThat(request.header("X-TRACE")).hasValue("t-1");
        assertThat(request.headers()).containsKey("x-trace").containsKey("host");
        assertThat(request.receivedAt()).isBetween(before, after);
        assertThat(request.body()).isEmpty();
    }

    @Test
    void recordsJsonAndFormBodies() throws Exception {
        client.postJson("/employees", "{\"name\": \"Ada\"}");
        client.send(client.request("/health").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=read+write")));

        List<RecordedRequest> all = api.requests().all();
        assertThat(all).extracting(RecordedRequest::method).containsExactly("POST", "POST");
        assertThat(all.get(0).body()).isEqualTo("{\"name\": \"Ada\"}");
        assertThat(all.get(0).form()).isEmpty();
        assertThat(all.get(1).form()).containsExactly(Map.entry("grant_type", List.of("client_credentials")),
                Map.entry("scope", List.of("read write")));
    }

    @Test
    void keepsRequestsInOrderAndFiltersByPath() throws Exception {
        client.get("/employees?page=1");
        client.get("/health");
        client.get("/employees?page=2");

        assertThat(api.requests().all()).extracting(RecordedRequest::path)
                .containsExactly("/employees", "/health", "/employees");
        assertThat(api.requests().forPath("/employees")).extracting(request -> request.queryParameter("page").get())
                .containsExactly("1", "2");
        assertThat(api.requests().size()).isEqualTo(3);
    }

    @Test
    void adminRequestsAreNotRecorded() throws Exception {
        client.get("/_admin/requests");
        client.postJson("/_admin/faults", "{\"path\": \"/x\", \"fault\": {\"type\": \"RESET\"}}");

        assertThat(api.requests().all()).isEmpty();
    }

    @Test
    void theAdminEndpointListsAndClearsTheLog() throws Exception {
        client.send(client.request("/employees?page=3").header("X-Trace", "t-2"));
        client.get("/health");

        JsonNode all = client.getJson("/_admin/requests");
        JsonNode employees = client.getJson("/_admin/requests?path=/employees");

        assertThat(all.get("requests")).extracting(request -> request.get("path").asText())
                .containsExactly("/employees", "/health");
        JsonNode first = employees.get("requests").get(0);
        assertThat(employees.get("requests")).hasSize(1);
        assertThat(EmployeesEndpointTest.fieldNames(first))
                .containsExactly("received_at", "method", "path", "query", "headers", "body");
        assertThat(first.get("method").asText()).isEqualTo("GET");
        assertThat(first.get("query")).isEqualTo(Json.parse("{\"page\": [\"3\"]}"));
        assertThat(first.get("headers").get("x-trace")).isEqualTo(Json.parse("[\"t-2\"]"));
        assertThat(Instant.parse(first.get("received_at").asText())).isBeforeOrEqualTo(Instant.now());

        assertThat(client.send(client.request("/_admin/requests").DELETE()).body()).isEqualTo("{\"cleared\":2}");
        assertThat(api.requests().all()).isEmpty();
    }

    @Test
    void clearReturnsTheNumberForgotten() throws Exception {
        client.get("/health");

        assertThat(api.requests().clear()).isEqualTo(1);
        assertThat(api.requests().last()).isEmpty();
    }
}

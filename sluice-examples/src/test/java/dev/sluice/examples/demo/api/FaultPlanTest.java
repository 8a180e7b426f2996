package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FaultPlanTest extends DemoApiTestCase {

    @Test
    void aFaultHitsOnlyTheMatchedPageAndOnlyKTimes() throws Exception {
        api.faults().times(2, "/employees?page=8", new Fault.Status(503));

        List<Integer> statuses = new ArrayList<>();
        for (int page = 1; page <= 10; page++) {
            statuses.add(client.get("/employees?page=" + page).statusCode());
        }
        statuses.add(client.get("/employees?page=8").statusCode());
        statuses.add(client.get("/employees?page=8").statusCode());

        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 200, 200, 503, 200, 200, 503, 200);
        assertThat(api.faults().pending()).isEmpty();
    }

    @Test
    void alwaysLastsUntilCleared() throws Exception {
        api.faults().always("/health", new Fault.Status(500));

        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/health").statusCode()).isEqualTo(500);
        }
        assertThat(api.faults().pending()).extracting(FaultRule::times).containsExactly(FaultRule.ALWAYS);
        assertThat(api.faults().clear()).isEqualTo(1);
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theEarliestMatchingRuleWinsAndSpentRulesAreRemoved() throws Exception {
        api.faults().once("/employees?page=8", new Fault.Status(500)).once("/employees", new Fault.Status(503));

        assertThat(client.get("/employees?page=8").statusCode()).isEqualTo(500);
        assertThat(client.get("/employees?page=8").statusCode()).isEqualTo(503);
        assertThat(client.get("/employees?page=8").statusCode()).isEqualTo(200);
    }

    @Test
    void pendingShowsTheRemainingUses() throws Exception {
        api.faults().times(3, "/employees?page=2", new Fault.Empty200());

        client.get("/employees?page=2");

        assertThat(api.faults().pending()).containsExactly(
                new FaultRule("/employees", Map.of("page", "2"), new Fault.Empty200(), 2));
    }

    @Test
    void aRuleNeedsItsParametersAndIgnoresOthers() throws Exception {
        api.faults().once("/employees?page=1", new Fault.Status(500));

        assertThat(client.get("/employees").statusCode()).isEqualTo(200);
        assertThat(client.get("/employees?page=2").statusCode()).isEqualTo(200);
        assertThat(client.get("/employees?page_size=10&page=1&api_key=x").statusCode()).isEqualTo(500);
    }

    @Test
    void adminEndpointsAreNeverFaulted() throws Exception {
        api.faults().always("/_admin/requests", new Fault.Reset());

        assertThat(client.get("/_admin/requests").statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentRequestsTakeACountedFaultExactlyKTimes() {
        api.faults().times(25, "/health", new Fault.Status(503));

        // Fewer requests at once than the server's connection limit, whose refusals would be 503s too.
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            responses.add(client.client().sendAsync(client.request("/health").build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(responses).extracting(response -> response.join().body())
                .filteredOn(body -> body.contains("injected fault")).hasSize(25);
        assertThat(api.requests().forPath("/health")).hasSize(100);
    }

    @Test
    void rulesAreValidated() {
        assertThat(FaultRule.of("/employees?page=8&page_size=5", new Fault.Reset(), 1))
                .isEqualTo(new FaultRule("/employees", Map.of("page", "8", "page_size", "5"), new Fault.Reset(), 1));
        assertThatThrownBy(() -> FaultRule.of("/employees?page=1&page=2", new Fault.Reset(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultRule.of("employees", new Fault.Reset(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultRule.of("/employees", new Fault.Reset(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

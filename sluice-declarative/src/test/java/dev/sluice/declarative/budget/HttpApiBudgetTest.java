package dev.sluice.declarative.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.http.ApiBudget;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseHeaders;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code api_budget} bound from a manifest and built on an injected clock, with a sleeper that moves the clock.
 * Expected values from the reference's airbyte_cdk/sources/streams/call_rate.py (APIBudget.acquire_call: the first
 * matching policy, none matched is unlimited; HttpAPIBudget.update_from_response and its defaults) and
 * unit_tests/sources/streams/test_call_rate.py test_http_request_matching.
 */
class HttpApiBudgetTest {

    private final TestClock clock = TestClock.at("2024-01-01T00:00:00Z");
    private final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);

    static String manifest(String budget) {
        return """
                version: 6.44.0
                check: {type: CheckStream, stream_names: [items]}
                streams:
                  - type: DeclarativeStream
                    name: items
                    retriever:
                      type: SimpleRetriever
                      requester: {type: HttpRequester, url_base: "http://domain", path: /api/items}
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                    schema_loader: {type: InlineSchemaLoader, schema: {}}
                api_budget:
                """ + budget.indent(2);
    }

    private ApiBudget budget(String yaml, String config) throws Exception {
        return budget(yaml, config, 1);
    }

    private ApiBudget budget(String yaml, String config, double share) throws Exception {
        DeclarativeSource source = ManifestSources.fromYaml(manifest(yaml));
        BuildContext context = new BuildContext(Config.of(Json.parse(config)), TestRuns.open(), clock, sleeper, null,
                ConfigUpdates.NONE);
        return source.manifest().apiBudget().build(context, share);
    }

    private ApiBudget budget(String yaml) throws Exception {
        return budget(yaml, "{}");
    }

    private static HttpRequest request(String method, String url) {
        return new HttpRequest(method, URI.create(url), Map.of(), null);
    }

    private static HttpResponse response(HttpRequest request, int status, Map<String, String> headers) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> values.put(name, List.of(value)));
        return HttpResponse.empty(request, status, ResponseHeaders.of(values));
    }

    // test_call_rate.py test_http_request_matching: each request is counted by the first policy it matches
    @Test
    void eachRequestCountsAgainstTheFirstPolicyItMatches() throws Exception {
        ApiBudget budget = budget("""
                type: HTTPAPIBudget
                policies:
                  - type: FixedWindowCallRatePolicy
                    period: PT1H
                    call_limit: 2
                    matchers: [{type: HttpRequestRegexMatcher, method: GET, url_base: "http://domain", url_path_pattern: "/api/users"}]
                  - type: FixedWindowCallRatePolicy
                    period: PT1H
                    call_limit: 1
                    matchers: [{type: HttpRequestRegexMatcher, method: POST, url_path_pattern: "/api/groups"}]
                  - type: FixedWindowCallRatePolicy
                    period: PT1H
                    call_limit: 1
                    matchers: [{type: HttpRequestRegexMatcher, method: GET}]
                """);
        budget.acquire(request("POST", "http://domain/unmatched_endpoint"));
        budget.acquire(request("POST", "http://domain/unmatched_endpoint"));
        budget.acquire(request("GET", "http://domain/api/users"));
        budget.acquire(request("GET", "http://domain/api/users"));
        budget.acquire(request("POST", "http://domain/api/groups"));
        budget.acquire(request("GET", "http://domain/api/"));
        assertThat(sleeper.waits()).as("every call fit its own policy").isEmpty();

        budget.acquire(request("GET", "http://domain/api/users"));
        assertThat(sleeper.waits()).containsExactly(Duration.ofHours(1));
    }

    @Test
    void anUnlimitedPolicyBeforeALimitedOneExemptsTheRequestsItMatches() throws Exception {
        ApiBudget budget = budget("""
                type: HTTPAPIBudget
                policies:
                  - type: UnlimitedCallRatePolicy
                    matchers: [{type: HttpRequestRegexMatcher, params: {sandbox: true}}]
                  - type: MovingWindowCallRatePolicy
                    rates: [{limit: "{{ config.per_minute }}", interval: PT1M}]
                    matchers: []
                """, "{\"per_minute\": 2}");
        for (int call = 0; call < 5; call++) {
            budget.acquire(request("GET", "http://domain/api/items?sandbox=True"));
        }
        budget.acquire(request("GET", "http://domain/api/items"));
        budget.acquire(request("GET", "http://domain/api/items"));
        assertThat(sleeper.waits()).isEmpty();
        budget.acquire(request("GET", "http://domain/api/items"));
        assertThat(sleeper.total()).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(61));
    }

    @Test
    void aMatcherWeightIsWhatItsRequestsCost() throws Exception {
        ApiBudget budget = budget("""
                type: HTTPAPIBudget
                policies:
                  - type: FixedWindowCallRatePolicy
                    period: PT1M
                    call_limit: 10
                    matchers:
                      - {type: HttpRequestRegexMatcher, url_path_pattern: "/reports", weight: "{{ config.cost }}"}
                      - {type: HttpRequestRegexMatcher}
                """, "{\"cost\": 6}");
        budget.acquire(request("GET", "http://domain/reports"));
        budget.acquire(request("GET", "http://domain/items"));
        budget.acquire(request("GET", "http://domain/items"));
        budget.acquire(request("GET", "http://domain/items"));
        budget.acquire(request("GET", "http://domain/items"));
        assertThat(sleeper.waits()).isEmpty();
        budget.acquire(request("GET", "http://domain/reports"));
        assertThat(sleeper.waits()).containsExactly(Duration.ofMinutes(1));
    }

    // call_rate.py HttpAPIBudget.update_from_response, with the reference's default header names
    @Test
    void theRemainingAndResetHeadersUpdateThePolicy() throws Exception {
        ApiBudget budget = budget("""
                type: HTTPAPIBudget
                policies:
                  - {type: FixedWindowCallRatePolicy, period: PT1H, call_limit: 100, matchers: []}
                """);
        HttpRequest call = request("GET", "http://domain/api/items");
        budget.acquire(call);
        long reset = clock.instant().plusSeconds(90).getEpochSecond();
        budget.onResponse(call, response(call, 200, Map.of("ratelimit-remaining", "1",
                "RateLimit-Reset", Long.toString(reset))));
        budget.acquire(call);
        assertThat(sleeper.waits()).isEmpty();
        budget.acquire(call);
        assertThat(sleeper.waits()).as("none left until the API's reset").containsExactly(Duration.ofSeconds(90));
    }

    // call_rate.py HttpAPIBudget.get_calls_left_from_response: a rate-limit status means no calls left
    @Test
    void aRateLimitStatusMeansNoCallsLeftUntilTheReset() throws Exception {
        ApiBudget budget = budget("""
                type: HTTPAPIBudget
                ratelimit_remaining_header: X-Left
                ratelimit_reset_header: X-Reset
                status_codes_for_ratelimit_hit: [403, 429]
                policies:
                  - {type: FixedWindowCallRatePolicy, period: PT1M, call_limit: 100, matchers: []}
                """);
        HttpRequest call = request("GET", "http://domain/api/items");
        budget.acquire(call);
        budget.onResponse(call, response(call, 200, Map.of("ratelimit-remaining", "0")));
        budget.acquire(call);
        assertThat(sleeper.waits()).as("the default header is not read when another is named").isEmpty();

        budget.onResponse(call, response(call, 403, Map.of()));
        budget.acquire(call);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMinutes(1));

        budget.onResponse(call, response(call, 200, Map.of("X-Left", "not a number")));
        budget.acquire(call);
        assertThat(sleeper.waits()).as("an unreadable header is ignored").hasSize(1);
    }

    /** A Kafka Connect task keeps to its share of the budget: each limit times the share, at least one call. */
    @Test
    void aShareOfTheBudgetScalesEveryLimit() throws Exception {
        ApiBudget half = budget("""
                type: HTTPAPIBudget
                policies:
                  - type: FixedWindowCallRatePolicy
                    period: PT1M
                    call_limit: 10
                    matchers: [{type: HttpRequestRegexMatcher, url_path_pattern: "^/fixed"}]
                  - type: MovingWindowCallRatePolicy
                    rates: [{limit: 3, interval: PT1S}]
                    matchers: []
                """, "{}", 0.5);
        for (int call = 0; call < 5; call++) {
            half.acquire(request("GET", "http://domain/fixed"));
        }
        assertThat(sleeper.waits()).isEmpty();
        half.acquire(request("GET", "http://domain/fixed"));
        assertThat(sleeper.waits()).containsExactly(Duration.ofMinutes(1));

        sleeper.clear();
        half.acquire(request("GET", "http://domain/moving"));
        assertThat(sleeper.waits()).isEmpty();
        half.acquire(request("GET", "http://domain/moving"));
        assertThat(sleeper.waits()).as("3 calls a second halved, rounded down").hasSize(1);
    }

    @Test
    void badShapesAreRefusedWithTheirPathAndLine() {
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("""
                type: HTTPAPIBudget
                policies:
                  - {type: SlidingWindowCallRatePolicy, matchers: []}
                """))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("api_budget.policies[0]: unknown type 'SlidingWindowCallRatePolicy'")
                .hasMessageContaining("line 14");
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("""
                type: HTTPAPIBudget
                policies:
                  - {type: FixedWindowCallRatePolicy, period: one second, call_limit: 5, matchers: []}
                """))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("api_budget.policies[0]")
                .hasMessageContaining("period must be an ISO 8601 duration")
                .hasMessageContaining("line 14");
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("""
                type: HTTPAPIBudget
                policies:
                  - type: MovingWindowCallRatePolicy
                    rates: [{limit: 5}]
                    matchers: []
                """))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("api_budget.policies[0].rates[0]")
                .hasMessageContaining("interval")
                .hasMessageContaining("line 15");
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("""
                type: HTTPAPIBudget
                policies:
                  - type: UnlimitedCallRatePolicy
                    matchers: [{type: HttpRequestRegexMatcher, url_path_pattern: "(unclosed"}]
                """))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("api_budget.policies[0].matchers[0]")
                .hasMessageContaining("url_path_pattern is not a valid regular expression")
                .hasMessageContaining("line 15");
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest("""
                policies: {}
                """))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("api_budget.policies: expected a list")
                .hasMessageContaining("(line ");
    }
}

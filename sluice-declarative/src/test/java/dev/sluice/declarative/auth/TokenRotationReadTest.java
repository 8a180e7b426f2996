package dev.sluice.declarative.auth;

import static dev.sluice.declarative.auth.AuthFixtures.manifest;
import static dev.sluice.declarative.auth.AuthFixtures.source;
import static dev.sluice.declarative.auth.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpRequest;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.MessageWriter;
import dev.sluice.runner.Secrets;
import dev.sluice.runner.SourceRunner;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RateLimitedMultipleTokenAuthenticator end to end against a local API: seeding from the quota status endpoint,
 * rotation, headers, the exhaustion wait. Expected behaviour: the reference's
 * {@code airbyte_cdk/sources/declarative/auth/rate_limited_multiple_token.py} and
 * {@code unit_tests/sources/declarative/auth/test_rate_limited_multiple_token.py}.
 */
class TokenRotationReadTest {

    private static final String PAGINATOR = """
            type: DefaultPaginator
            pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}",
                                  stop_condition: "{{ not response.next }}"}
            page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
            """;
    /** 2024-01-01T00:00:00Z, the test clock's start. */
    private static final long START = 1_704_067_200L;

    private final Routes routes = new Routes();
    @RegisterExtension
    final MockApi server = new MockApi().otherwise(routes::dispatch);
    private final TestClock clock = TestClock.at("2024-01-01T00:00:00Z");
    private final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);

    @AfterEach
    void noUnexpectedRequests() {
        assertThat(routes.unexpected()).isEmpty();
    }

    private static String authenticator(String extra) {
        return """
                type: RateLimitedMultipleTokenAuthenticator
                tokens: ["{{ config['token_1'] }}", "{{ config['token_2'] }}"]
                budget_reserve_fraction: 0
                budget_min_reserve: 0
                quota_status_source: {type: QuotaStatusSource, url: "{{ config['api'] }}/rate_limit"}
                quotas:
                  - type: TokenQuota
                    name: core
                    remaining_path: [resources, core, remaining]
                    reset_path: [resources, core, reset]
                    limit_path: [resources, core, limit]
                """ + extra;
    }

    private static MockResponse quota(long remaining, long resetInSeconds) {
        return json("{\"resources\": {\"core\": {\"remaining\": " + remaining + ", \"limit\": 5000, \"reset\": "
                + (START + resetInSeconds) + "}}}");
    }

    private static MockResponse page(int id, boolean more) {
        return json("{\"data\": [{\"id\": " + id + "}]" + (more ? ", \"next\": \"" + (id + 1) + "\"" : "") + "}");
    }

    private Output read(String authenticator) {
        String text = manifest(authenticator, "", PAGINATOR);
        return ConnectorHarness.of(source(text, clock, sleeper, new AuthFixtures.Updates())).readAll(
                AuthFixtures.config("{\"api\": \"" + server.url("/api") + "\", \"token_1\": \"ghp_first_secret\", "
                        + "\"token_2\": \"ghp_second_secret\"}"), false, StateInput.empty());
    }

    private List<String> signedWith(String path) {
        return routes.requests(path).stream().map(request -> request.getHeaders().get("Authorization")).toList();
    }

    @Test
    void aTokenWhoseQuotaRunsOutIsReplacedByTheNext() {
        routes.on("/api/rate_limit", quota(2, 3600), quota(100, 3600))
                .on("/api/items", page(1, true), page(2, true), page(3, true), page(4, false));

        Output output = read(authenticator(""));

        assertThat(output.records("items")).hasSize(4);
        // Seeded once per token, each signed with its own token.
        assertThat(signedWith("/api/rate_limit")).containsExactly("Bearer ghp_first_secret", "Bearer ghp_second_secret");
        assertThat(signedWith("/api/items")).containsExactly("Bearer ghp_first_secret", "Bearer ghp_first_secret",
                "Bearer ghp_second_secret", "Bearer ghp_second_secret");
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aRemainingHeaderCorrectsTheCounterOfTheTokenThatSentTheRequest() {
        routes.on("/api/rate_limit", quota(100, 3600), quota(100, 3600))
                .on("/api/items", page(1, true).newBuilder().addHeader("X-RateLimit-Remaining", "0").build(), page(2, true),
                        page(3, false));

        read(authenticator("    remaining_header: X-RateLimit-Remaining\n"));

        // The server said the first token is spent although 99 calls are left locally: rotate.
        assertThat(signedWith("/api/items")).containsExactly("Bearer ghp_first_secret", "Bearer ghp_second_secret",
                "Bearer ghp_second_secret");
    }

    @Test
    void anExhaustionStatusWithoutAHeaderSpendsTheToken() {
        routes.on("/api/rate_limit", quota(100, 3600), quota(100, 3600))
                .on("/api/items", json(429, "{}"), page(1, false));

        Output output = read(authenticator("    exhaustion_status_codes: [429]\n"));

        assertThat(output.records("items")).hasSize(1);
        // The retry is signed afresh, with the token that still has calls.
        assertThat(signedWith("/api/items")).containsExactly("Bearer ghp_first_secret", "Bearer ghp_second_secret");
    }

    @Test
    void whenEveryTokenIsSpentTheReadWaitsForTheEarliestResetThenReseeds() {
        routes.on("/api/rate_limit", quota(1, 600), quota(1, 300), quota(10, 3600), quota(10, 3600))
                .on("/api/items", page(1, true), page(2, true), page(3, false));

        Output output = read(authenticator(""));

        assertThat(output.records("items")).hasSize(3);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(300));
        assertThat(routes.requests("/api/rate_limit")).hasSize(4);
        // The active token stays the second one: rotation moves on only when the active token is spent.
        assertThat(signedWith("/api/items")).containsExactly("Bearer ghp_first_secret", "Bearer ghp_second_secret",
                "Bearer ghp_second_secret");
    }

    @Test
    void aPastResetStillWaitsTheFloorOfFiveSeconds() {
        // reference: MIN_EXHAUSTION_WAIT, so a stale reset cannot make the re-seeding busy-loop.
        routes.on("/api/rate_limit", quota(0, -10), quota(0, -10), quota(3, 3600), quota(3, 3600))
                .on("/api/items", page(1, false));

        read(authenticator(""));

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aResetBeyondMaxWaitTimeFailsTransientlyWithoutWaitingAndWithoutShowingTheTokens() {
        routes.on("/api/rate_limit", quota(0, 600), quota(0, 900));

        Output output = read(authenticator("max_wait_time: PT5M\n"));

        assertThat(output.records("items")).isEmpty();
        assertThat(routes.requests("/api/items")).isEmpty();
        assertThat(sleeper.waits()).isEmpty();
        assertThat(output.errors()).isNotEmpty();
        assertThat(output.errors().get(0).failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
        assertThat(output.errors().get(0).message()).contains("Rate limit is exceeded for all provided tokens");
        String everything = Json.MAPPER.valueToTree(output.messages()).toString();
        assertThat(everything).doesNotContain("ghp_first_secret").doesNotContain("ghp_second_secret");
    }

    @Test
    void aFailingStatusEndpointFailsTheReadAndTheWriterMasksTheTokens() {
        // The API echoes the token; the tokens are not declared airbyte_secret (no spec), so only the run's secret
        // registry, which the authenticator fills when it is built, can mask them (as the CLI's writer does).
        routes.on("/api/rate_limit", json(401, "{\"message\": \"Bad credentials ghp_first_secret\"}"));
        DeclarativeSource source = source(manifest(authenticator(""), "", PAGINATOR), clock, sleeper,
                new AuthFixtures.Updates());
        Config config = AuthFixtures.config("{\"api\": \"" + server.url("/api") + "\", \"token_1\": "
                + "\"ghp_first_secret\", \"token_2\": \"ghp_second_secret\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RunContext run = RunContext.named("tokens")) {
            MessageWriter writer = new MessageWriter(out);
            writer.maskSecrets(Secrets.masker(source.spec().connectionSpecification(), config), run.secrets());
            new SourceRunner(source, writer, clock, run).read(config,
                    ConnectorHarness.catalogOf(source.streams(config, run), false), StateInput.empty());
            writer.flush();
        }
        String written = out.toString(StandardCharsets.UTF_8);

        assertThat(written).contains("Bad credentials").contains("\"failure_type\":\"config_error\"")
                .doesNotContain("ghp_first_secret").doesNotContain("ghp_second_secret");
        assertThat(routes.requests("/api/items")).isEmpty();
    }

    @Test
    void aStatusMeaningUntrackedRotatesRoundRobinWithoutWaiting() {
        routes.on("/api/rate_limit", json(404, "{}"), json(404, "{}"))
                .on("/api/items", page(1, true), page(2, true), page(3, false));

        read(authenticator("").replace("url: \"{{ config['api'] }}/rate_limit\"}",
                "url: \"{{ config['api'] }}/rate_limit\", unavailable_status_codes: [404]}"));

        assertThat(signedWith("/api/items")).containsExactly("Bearer ghp_first_secret", "Bearer ghp_second_secret",
                "Bearer ghp_first_secret");
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aSingleStringIsSplitOnTheDelimiterAndAPoolIsChosenByItsMatchers() {
        routes.on("/api/rate_limit", quota(5, 3600), quota(5, 3600))
                .on("/api/items", page(1, true), page(2, false));
        String yaml = """
                type: RateLimitedMultipleTokenAuthenticator
                tokens: "{{ config['token_1'] }} ; {{ config['token_2'] }}"
                token_delimiter: ";"
                auth_method: token
                header: X-Auth
                budget_min_reserve: 0
                budget_reserve_fraction: 0
                quota_status_source: {type: QuotaStatusSource, url: "{{ config['api'] }}/rate_limit"}
                quotas:
                  - {type: TokenQuota, name: search, remaining_path: [resources, core, remaining],
                     reset_path: [resources, core, reset],
                     matchers: [{type: HttpRequestRegexMatcher, url_path_pattern: "/search"}]}
                  - {type: TokenQuota, name: core, remaining_path: [resources, core, remaining],
                     reset_path: [resources, core, reset]}
                """;

        read(yaml);

        assertThat(routes.requests("/api/items")).extracting(request -> request.getHeaders().get("X-Auth"))
                .containsExactly("token ghp_first_secret", "token ghp_first_secret");
    }

    @Test
    void throttlesOnceEveryTokenIsBelowItsReserve() {
        // Each token has 10 calls left of 5000, below max(50, 10% of 5000): the last calls are spread until the
        // reset, 3600 s / 20 calls = 180 s, capped at 10 s (reference: _compute_budget_delay, MAX_BUDGET_DELAY).
        routes.on("/api/rate_limit", quota(10, 3600), quota(10, 3600)).on("/api/items", page(1, false));

        read(authenticator("").replace("budget_reserve_fraction: 0\nbudget_min_reserve: 0\n", ""));

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void concurrentPartitionsShareTheCountersWithoutOverspending() throws Exception {
        routes.on("/api/rate_limit", quota(50, 3600), quota(50, 3600));
        AuthFixtures.Updates updates = new AuthFixtures.Updates();
        Authenticator rotation = AuthFixtures.bind(authenticator("")).build(AuthFixtures.context(AuthFixtures.config(
                "{\"api\": \"" + server.url("/api") + "\", \"token_1\": \"a\", \"token_2\": \"b\"}"), clock, updates));
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                done.add(pool.submit(() -> {
                    for (int call = 0; call < 12; call++) {
                        String header = rotation.authenticate(HttpRequest.get(URI.create(server.url("/api/items"))))
                                .headers().get("Authorization");
                        calls.computeIfAbsent(header, key -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // 96 calls: the first token's 50, then 46 of the second's; never more than a token has.
        assertThat(calls.get("Bearer a").get()).isEqualTo(50);
        assertThat(calls.get("Bearer b").get()).isEqualTo(46);
        assertThat(routes.requests("/api/rate_limit")).hasSize(2);
    }

    @Test
    void badShapesAreRefusedWithPathAndLine() {
        String noQuotas = manifest("""
                type: RateLimitedMultipleTokenAuthenticator
                tokens: [a]
                quota_status_source: {type: QuotaStatusSource, url: "http://localhost/rate_limit"}
                """, "");
        assertThatThrownBy(() -> ManifestSources.fromYaml(noQuotas)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever.requester.authenticator").hasMessageContaining("quotas")
                .hasMessageContaining("line ");

        String tokensAsMapping = manifest(authenticator("").replace(
                "tokens: [\"{{ config['token_1'] }}\", \"{{ config['token_2'] }}\"]", "tokens: {a: b}"), "");
        assertThatThrownBy(() -> ManifestSources.fromYaml(tokensAsMapping)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever.requester.authenticator.tokens")
                .hasMessageContaining("expected a string or a list, found a mapping (line 19)");

        String pathAsText = manifest(authenticator("    exhaustion_status_codes: \"429\"\n"), "");
        assertThatThrownBy(() -> ManifestSources.fromYaml(pathAsText)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever.requester.authenticator.quotas[0].exhaustion_status_codes")
                .hasMessageContaining("line ");

        String badMethod = manifest(authenticator("").replace("type: QuotaStatusSource,",
                "type: QuotaStatusSource, http_method: PUT,"), "");
        assertThatThrownBy(() -> ManifestSources.fromYaml(badMethod)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever.requester.authenticator.quota_status_source");
    }

    @Test
    void aMaxWaitTimeThatIsNoDurationIsAConfigError() {
        routes.on("/api/rate_limit", quota(1, 60), quota(1, 60));

        Output output = read(authenticator("max_wait_time: \"{{ config['token_1'] }}\"\n"));

        assertThat(output.errors()).isNotEmpty();
        assertThat(output.errors().get(0).failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(output.errors().get(0).message()).contains("max_wait_time");
    }
}

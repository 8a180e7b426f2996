package dev.sluice.declarative.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.runner.StateInput;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One budget counts every request of a run: both streams' pages and the OAuth token request, on a clock the
 * sleeper moves (so an hour's wait takes no time).
 */
class ApiBudgetSharingTest {

    @RegisterExtension
    final MockApi api = new MockApi();

    private final TestClock clock = TestClock.at("2024-01-01T00:00:00Z");
    private final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);

    private static final String MANIFEST = """
            version: 6.44.0
            check: {type: CheckStream, stream_names: [users]}
            definitions:
              requester:
                type: HttpRequester
                url_base: "{{ config.base_url }}"
                authenticator:
                  type: OAuthAuthenticator
                  token_refresh_endpoint: "{{ config.base_url }}/oauth/token"
                  client_id: id
                  client_secret: secret
                  refresh_token: refresh
            streams:
              - type: DeclarativeStream
                name: users
                schema_loader: {type: InlineSchemaLoader, schema: {}}
                retriever:
                  type: SimpleRetriever
                  requester: {$ref: "#/definitions/requester", path: /users}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
              - type: DeclarativeStream
                name: groups
                schema_loader: {type: InlineSchemaLoader, schema: {}}
                retriever:
                  type: SimpleRetriever
                  requester: {$ref: "#/definitions/requester", path: /groups}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
            api_budget:
              type: HTTPAPIBudget
              policies:
                - {type: FixedWindowCallRatePolicy, period: PT1H, call_limit: 2, matchers: []}
            """;

    @Test
    void streamsAndTokenRequestsShareTheBudget() {
        api.on("POST", "/oauth/token", MockApi.json("{\"access_token\": \"token-1\", \"expires_in\": 86400}"));
        api.on("GET", "/users", MockApi.json("{\"data\": [{\"id\": 1}]}"));
        api.on("GET", "/groups", MockApi.json("{\"data\": [{\"id\": 2}]}"));
        DeclarativeSource source = ManifestSources.fromYaml(MANIFEST).withContexts((config, run) -> new BuildContext(
                config, run, clock, sleeper, null, ConfigUpdates.NONE));

        Output output = ConnectorHarness.of(source).withClock(clock).readAll(api.config(), false, StateInput.empty());

        assertThat(output.errors()).isEmpty();
        assertThat(output.records()).hasSize(2);
        // Each stream's authenticator gets its own token.
        assertThat(api.targets()).containsExactly("POST /oauth/token", "GET /users", "POST /oauth/token", "GET /groups");
        // Two calls an hour: the first token and the users page fit the first window; the second token waits for
        // the next one, where the groups page fits too.
        assertThat(sleeper.waits()).containsExactly(Duration.ofHours(1));
    }
}

package dev.sluice.declarative.auth;

import static dev.sluice.declarative.auth.AuthFixtures.manifest;
import static dev.sluice.declarative.auth.AuthFixtures.source;
import static dev.sluice.declarative.auth.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.protocol.MessageWriter;
import dev.sluice.protocol.SecretMasker;
import dev.sluice.runner.Secrets;
import dev.sluice.runner.SourceRunner;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two declarative sources running in one JVM, as two Kafka Connect tasks do: the tokens each obtains while
 * running are masked in its own output only, and the refresh token one rotates never reaches the other.
 */
class TwoRunsOneJvmTest {

    private static final String OAUTH = """
            type: OAuthAuthenticator
            token_refresh_endpoint: "{{ config['api'] }}/token"
            client_id: "{{ config['credentials']['client_id'] }}"
            client_secret: "{{ config['credentials']['client_secret'] }}"
            refresh_token: "{{ config['credentials']['refresh_token'] }}"
            refresh_token_updater:
              refresh_token_name: refresh_token
            """;

    private final Routes routesA = new Routes();
    private final Routes routesB = new Routes();
    @RegisterExtension
    final MockApi serverA = new MockApi().otherwise(routesA::dispatch);
    @RegisterExtension
    final MockApi serverB = new MockApi().otherwise(routesB::dispatch);
    private final TestClock clock = TestClock.at("2024-01-01T00:00:00Z");
    private final AuthFixtures.Updates updatesA = new AuthFixtures.Updates();
    private final AuthFixtures.Updates updatesB = new AuthFixtures.Updates();

    private static Config config(MockApi server, String secret, String refreshToken) {
        String url = server.url("/").toString();
        return AuthFixtures.config("{\"api\": \"" + url.substring(0, url.length() - 1) + "\", "
                + "\"credentials\": {\"client_id\": \"c\", \"client_secret\": \"" + secret + "\", "
                + "\"refresh_token\": \"" + refreshToken + "\"}}");
    }

    /** A read as the CLI does it: the writer masks the config's secrets and those of this run. */
    private String read(DeclarativeSource source, Config config, RunContext run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageWriter writer = new MessageWriter(out);
        writer.maskSecrets(Secrets.masker(source.spec().connectionSpecification(), config), run.secrets());
        new SourceRunner(source, writer, clock, run).read(config,
                ConnectorHarness.catalogOf(source.streams(config, run), false), StateInput.empty());
        writer.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachRunMasksTheTokensItObtainedAndNotTheOthers() {
        routesA.on("/token", json("{\"access_token\": \"access-of-a-71\", \"refresh_token\": \"rotated-a-2\", "
                        + "\"expires_in\": 3600}"))
                .always("/items", json(401, "{\"message\": \"token access-of-a-71 is not allowed here\"}"));
        routesB.on("/token", json("{\"access_token\": \"access-of-b-93\", \"refresh_token\": \"rotated-b-2\", "
                        + "\"expires_in\": 3600}"))
                .always("/items", json(401, "{\"message\": \"token access-of-b-93 is not allowed here\"}"));
        DeclarativeSource sourceA = source(manifest(OAUTH, ""), clock, new RecordingSleeper(), updatesA);
        DeclarativeSource sourceB = source(manifest(OAUTH, ""), clock, new RecordingSleeper(), updatesB);

        try (RunContext runA = RunContext.named("connector-a"); RunContext runB = RunContext.named("connector-b")) {
            String outputA = read(sourceA, config(serverA, "secret-a", "refresh-a-1"), runA);
            String outputB = read(sourceB, config(serverB, "secret-b", "refresh-b-1"), runB);

            assertThat(outputA).contains("is not allowed here").doesNotContain("access-of-a-71");
            assertThat(outputB).contains("is not allowed here").doesNotContain("access-of-b-93");
            SecretMasker maskerA = runA.secrets().masker();
            SecretMasker maskerB = runB.secrets().masker();
            assertThat(maskerA.mask("access-of-a-71 rotated-a-2")).isEqualTo("**** ****");
            assertThat(maskerA.mask("access-of-b-93 rotated-b-2")).isEqualTo("access-of-b-93 rotated-b-2");
            assertThat(maskerB.mask("access-of-b-93 rotated-b-2")).isEqualTo("**** ****");
            assertThat(maskerB.mask("access-of-a-71 rotated-a-2")).isEqualTo("access-of-a-71 rotated-a-2");
        }
    }

    @Test
    void aRefreshTokenRotatedInOneRunNeverReachesAnother() {
        routesA.on("/token",
                        json("{\"access_token\": \"first-access\", \"refresh_token\": \"rotated-2\", "
                                + "\"expires_in\": 3600}"),
                        json("{\"access_token\": \"second-access\", \"refresh_token\": \"rotated-3\", "
                                + "\"expires_in\": 3600}"))
                .always("/items", json("{\"data\": [{\"id\": 1}]}"));
        // One config instance for both runs: within a run the rotated token is shared, across runs never.
        Config config = config(serverA, "secret-a", "refresh-1");
        DeclarativeSource first = source(manifest(OAUTH, ""), clock, new RecordingSleeper(), updatesA);
        DeclarativeSource second = source(manifest(OAUTH, ""), clock, new RecordingSleeper(), updatesB);

        try (RunContext runA = RunContext.named("a"); RunContext runB = RunContext.named("b")) {
            read(first, config, runA);
            read(second, config, runB);
        }

        assertThat(routesA.requests("/token")).hasSize(2);
        assertThat(routesA.requests("/token").get(0).getBody().utf8()).contains("refresh_token=refresh-1");
        assertThat(routesA.requests("/token").get(1).getBody().utf8()).contains("refresh_token=refresh-1")
                .doesNotContain("rotated-2");
        assertThat(updatesA.configs).singleElement().satisfies(updated ->
                assertThat(updated.path("credentials").path("refresh_token").asText()).isEqualTo("rotated-2"));
        assertThat(updatesB.configs).singleElement().satisfies(updated ->
                assertThat(updated.path("credentials").path("refresh_token").asText()).isEqualTo("rotated-3"));
    }
}

package dev.sluice.declarative.auth;

import static dev.sluice.declarative.auth.AuthFixtures.config;
import static dev.sluice.declarative.auth.AuthFixtures.manifest;
import static dev.sluice.declarative.auth.AuthFixtures.source;
import static dev.sluice.declarative.auth.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testing.ConnectorHarness;
import dev.sluice.testing.Output;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuthAuthenticator end to end: a manifest read against a token endpoint and an API on one local server. */
class OAuthReadTest {

    private static final String OAUTH = """
            type: OAuthAuthenticator
            token_refresh_endpoint: "{{ config['api'] }}/token"
            client_id: "{{ config['client_id'] }}"
            client_secret: "{{ config['client_secret'] }}"
            refresh_token: "{{ config['refresh_token'] }}"
            refresh_token_error_status_codes: [400]
            refresh_token_error_key: error
            refresh_token_error_values: [invalid_grant]
            """;

    private final MockWebServer server = new MockWebServer();
    private final Routes routes = new Routes();
    private final TestClock clock = TestClock.at("2024-01-01T00:00:00Z");
    private final AuthFixtures.Waits waits = new AuthFixtures.Waits();
    private final AuthFixtures.Updates updates = new AuthFixtures.Updates();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(routes);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(routes.unexpected()).isEmpty();
    }

    private Config config() {
        return AuthFixtures.config("{\"api\": \"" + api() + "\", \"client_id\": \"the-client\", \"client_secret\": \"s3cret-value\","
                + " \"refresh_token\": \"refresh-me-1\"}");
    }

    private String api() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    private Output read(String manifest, Config config) {
        DeclarativeSource source = source(manifest, clock, waits, updates);
        return ConnectorHarness.of(source).withClock(clock).readAll(config, false, StateInput.empty());
    }

    @Test
    void refreshesThenCallsTheApiWithTheBearerToken() {
        routes.on("/token", json("{\"access_token\": \"token-1\", \"expires_in\": 3600}"))
                .on("/items", json("{\"data\": [{\"id\": 1}, {\"id\": 2}]}"));

        Output output = read(manifest(OAUTH, ""), config());

        assertThat(output.errors()).isEmpty();
        assertThat(output.records("items")).hasSize(2);
        RecordedRequest token = routes.requests("/token").get(0);
        assertThat(token.getMethod()).isEqualTo("POST");
        assertThat(token.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(token.getBody().utf8()).isEqualTo(
                "grant_type=refresh_token&client_id=the-client&client_secret=s3cret-value&refresh_token=refresh-me-1");
        assertThat(routes.requests("/items").get(0).getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
        assertThat(updates.configs).isEmpty();
    }

    @Test
    void aRejectedRefreshTokenIsAConfigErrorThatNamesNoSecret() {
        routes.on("/token", json(400, "{\"error\": \"invalid_grant\", \"detail\": \"refresh-me-1 is revoked\"}"));

        Output output = read(manifest(OAUTH, ""), config());

        assertThat(output.errors()).isNotEmpty();
        assertThat(output.errors().get(0).failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(output.errors().get(0).message()).contains("Refresh token is invalid or expired");
        assertThat(Json.write(Json.MAPPER.valueToTree(output.messages())))
                .doesNotContain("s3cret-value").doesNotContain("refresh-me-1");
        assertThat(routes.requests("/items")).isEmpty();
    }
}

package dev.sluice.declarative.auth;

import static dev.sluice.declarative.auth.AuthFixtures.manifest;
import static dev.sluice.declarative.auth.AuthFixtures.source;
import static dev.sluice.declarative.auth.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.ManifestSources;
import dev.sluice.runner.StateInput;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LegacySessionTokenAuthenticator end to end. */
class LegacySessionTokenReadTest {

    private static final String LEGACY = """
            type: LegacySessionTokenAuthenticator
            header: X-Session
            session_token: "{{ config['session_token'] }}"
            username: "{{ config['username'] }}"
            password: "{{ config['password'] }}"
            session_token_response_key: id
            login_url: session
            validate_session_url: user/current
            """;

    private final Routes routes = new Routes();
    @RegisterExtension
    final MockApi server = new MockApi().otherwise(routes::dispatch);

    @AfterEach
    void noUnexpectedRequests() {
        assertThat(routes.unexpected()).isEmpty();
    }

    private Output read(String credentials) {
        String text = manifest(LEGACY, "").replace("url_base: \"{{ config['api'] }}\"\n        path: /items",
                "url_base: \"{{ config['api'] }}/\"\n        path: items");
        return ConnectorHarness.of(source(text, TestClock.at("2024-01-01T00:00:00Z"), new RecordingSleeper(),
                new AuthFixtures.Updates())).readAll(AuthFixtures.config("{\"api\": \"" + server.url("/api")
                + "\", " + credentials + "}"), false, StateInput.empty());
    }

    @Test
    void aValidConfiguredSessionTokenIsUsed() {
        routes.on("/api/user/current", json("{\"id\": 7}")).always("/api/items", json("{\"data\": [{\"id\": 1}]}"));

        Output output = read("\"session_token\": \"given\", \"username\": \"ann\", \"password\": \"pw\"");

        assertThat(output.records("items")).hasSize(1);
        assertThat(routes.requests("/api/user/current").get(0).getHeaders().get("X-Session")).isEqualTo("given");
        assertThat(routes.requests("/api/items").get(0).getHeaders().get("X-Session")).isEqualTo("given");
        assertThat(routes.requests("/api/session")).isEmpty();
    }

    @Test
    void anInvalidSessionTokenIsReplacedByALogin() {
        routes.on("/api/user/current", json(401, "{}"))
                .on("/api/session", json("{\"id\": \"fresh\"}"))
                .always("/api/items", json("{\"data\": [{\"id\": 1}]}"));

        Output output = read("\"session_token\": \"stale\", \"username\": \"ann\", \"password\": \"pw\"");

        assertThat(output.records("items")).hasSize(1);
        assertThat(routes.requests("/api/session").get(0).getBody().utf8())
                .isEqualTo("{\"username\":\"ann\",\"password\":\"pw\"}");
        assertThat(routes.requests("/api/items").get(0).getHeaders().get("X-Session")).isEqualTo("fresh");
    }

    @Test
    void aCustomAuthenticatorIsAComponentNow() {
        // Its Java class is loaded when the source is built (see dev.sluice.declarative.custom).
        assertThat(ManifestSources.fromYaml(manifest("type: CustomAuthenticator\nclass_name: x.Y\ntokens: [a]\n",
                ""))).isNotNull();
    }
}

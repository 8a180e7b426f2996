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
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.TestClock;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    private final Routes routes = new Routes();
    @RegisterExtension
    final MockApi server = new MockApi().otherwise(routes::dispatch);
    private final TestClock clock = TestClock.at("2024-01-01T00:00:00Z");
    private final RecordingSleeper waits = new RecordingSleeper();
    private final AuthFixtures.Updates updates = new AuthFixtures.Updates();

    @AfterEach
    void noUnexpectedRequests() {
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

    @Test
    void anExpiredTokenIsRefreshedBeforeTheNextRequest() {
        String paginator = """
                type: DefaultPaginator
                pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}",
                                      stop_condition: "{{ not response.next }}"}
                page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                """;
        routes.on("/token", json("{\"access_token\": \"token-1\", \"expires_in\": 3600}"),
                        json("{\"access_token\": \"token-2\", \"expires_in\": 3600}"))
                .on("/items", json("{\"data\": [{\"id\": 1}], \"next\": \"2\"}"), json("{\"data\": [{\"id\": 2}]}"))
                .afterServing("/items", () -> clock.advance(Duration.ofMinutes(59).plusSeconds(1)));

        Output output = read(manifest(OAUTH, "", paginator), config());

        assertThat(output.errors()).isEmpty();
        assertThat(output.records("items")).hasSize(2);
        assertThat(routes.requests("/token")).hasSize(2);
        assertThat(routes.requests("/items")).extracting(request -> request.getHeaders().get("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void aTokenWithTimeLeftIsReusedAcrossPages() {
        String paginator = """
                type: DefaultPaginator
                pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}",
                                      stop_condition: "{{ not response.next }}"}
                page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                """;
        routes.on("/token", json("{\"access_token\": \"token-1\", \"expires_in\": 3600}"))
                .on("/items", json("{\"data\": [{\"id\": 1}], \"next\": \"2\"}"), json("{\"data\": [{\"id\": 2}]}"))
                .afterServing("/items", () -> clock.advance(Duration.ofMinutes(58)));

        Output output = read(manifest(OAUTH, "", paginator), config());

        assertThat(output.records("items")).hasSize(2);
        assertThat(routes.requests("/token")).hasSize(1);
    }

    @Test
    void a401WithRefreshTokenThenRetryRefreshesAndRetries() {
        String errorHandler = """
                type: DefaultErrorHandler
                response_filters:
                  - {type: HttpResponseFilter, http_codes: [401], action: REFRESH_TOKEN_THEN_RETRY}
                """;
        routes.on("/token", json("{\"access_token\": \"token-1\", \"expires_in\": 3600}"),
                        json("{\"access_token\": \"token-2\", \"expires_in\": 3600}"))
                .on("/items", json(401, "{\"message\": \"token revoked\"}"), json("{\"data\": [{\"id\": 1}]}"));

        Output output = read(manifest(OAUTH, errorHandler), config());

        assertThat(output.errors()).isEmpty();
        assertThat(output.records("items")).hasSize(1);
        assertThat(routes.requests("/items")).extracting(request -> request.getHeaders().get("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(waits.waits()).hasSize(1);
    }

    @Test
    void serverErrorsOfTheTokenEndpointAreRetried() {
        routes.on("/token", json(503, "{}"), json(429, "{}"),
                        json("{\"access_token\": \"token-1\", \"expires_in\": 3600}"))
                .on("/items", json("{\"data\": [{\"id\": 1}]}"));

        Output output = read(manifest(OAUTH, ""), config());

        assertThat(output.errors()).isEmpty();
        assertThat(output.records("items")).hasSize(1);
        assertThat(waits.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void anotherErrorOfTheTokenEndpointIsASystemErrorWithoutSecrets() {
        routes.on("/token", json(400, "{\"error\": \"invalid_client\", \"echo\": \"s3cret-value\"}"));

        Output output = read(manifest(OAUTH, ""), config());

        assertThat(output.errors()).isNotEmpty();
        assertThat(output.errors().get(0).failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
        assertThat(output.errors().get(0).message()).contains("HTTP 400").contains("invalid_client");
        assertThat(Json.write(Json.MAPPER.valueToTree(output.messages()))).doesNotContain("s3cret-value");
        assertThat(routes.requests("/token")).hasSize(1);
    }

    @Test
    void rotatedTokensAreWrittenToTheConfigAndSharedByEveryStream() {
        String updater = """
                type: OAuthAuthenticator
                token_refresh_endpoint: "{{ config['api'] }}/token"
                client_id: "{{ config['credentials']['client_id'] }}"
                client_secret: "{{ config['credentials']['client_secret'] }}"
                refresh_token: "{{ config['credentials']['refresh_token'] }}"
                refresh_token_updater:
                  refresh_token_name: refresh_token
                """;
        String twoStreams = manifest(updater, "").replace("""
                streams:
                  - type: DeclarativeStream
                    name: items""", """
                streams:
                  - $ref: "#/definitions/items"
                  - $ref: "#/definitions/items"
                    name: more_items
                definitions:
                  items:
                    type: DeclarativeStream
                    name: items""");
        routes.on("/token", json("{\"access_token\": \"token-2\", \"refresh_token\": \"refresh-me-2\", "
                        + "\"expires_in\": 7200}"))
                .always("/items", json("{\"data\": [{\"id\": 1}]}"));
        Config config = AuthFixtures.config("{\"api\": \"" + api() + "\", \"credentials\": {\"client_id\": \"the-client\", "
                + "\"client_secret\": \"s3cret-value\", \"refresh_token\": \"refresh-me-1\"}}");

        Output output = read(twoStreams, config);

        assertThat(output.errors()).isEmpty();
        assertThat(output.records("items")).hasSize(1);
        assertThat(output.records("more_items")).hasSize(1);
        assertThat(routes.requests("/token")).hasSize(1);
        assertThat(routes.requests("/token").get(0).getBody().utf8()).contains("refresh_token=refresh-me-1");
        assertThat(routes.requests("/items")).extracting(request -> request.getHeaders().get("Authorization"))
                .containsOnly("Bearer token-2");
        assertThat(updates.configs).hasSize(1);
        assertThat(Json.write(updates.configs.get(0).get("credentials"))).isEqualTo("{\"client_id\":\"the-client\","
                + "\"client_secret\":\"s3cret-value\",\"refresh_token\":\"refresh-me-2\",\"access_token\":\"token-2\","
                + "\"token_expiry_date\":\"2024-01-01T02:00:00+00:00\"}");
        assertThat(config.json().path("credentials").path("refresh_token").asText()).isEqualTo("refresh-me-1");
    }
}

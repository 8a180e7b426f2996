package dev.sluice.declarative.auth;

import static dev.sluice.declarative.auth.AuthFixtures.bind;
import static dev.sluice.declarative.auth.AuthFixtures.context;
import static dev.sluice.declarative.auth.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpRequest;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OAuthAuthenticator as a component: the refresh request it sends, when it refreshes, and what it reads back. */
class OAuthAuthenticatorTest {

    private final Routes routes = new Routes();
    @RegisterExtension
    final MockApi server = new MockApi().otherwise(routes::dispatch);
    private final TestClock clock = TestClock.at("2020-01-01T00:00:00Z");

    @AfterEach
    void noUnexpectedRequests() {
        assertThat(routes.unexpected()).isEmpty();
    }

    private String config(String extra) {
        return "{\"refresh_endpoint\": \"" + server.url("/token") + "\", \"client_id\": \"some_client_id\", "
                + "\"client_secret\": \"some_client_secret\", \"refresh_token\": \"some_refresh_token\", "
                + "\"custom_field\": \"in_outbound_request\", \"another_field\": \"exists_in_body\", "
                + "\"grant_type\": \"some_grant_type\"" + extra + "}";
    }

    private Authenticator build(String yaml, String extraConfig) {
        return bind(yaml).build(context(AuthFixtures.config(config(extraConfig)), clock));
    }

    private static String authorization(Authenticator authenticator) {
        return authenticator.authenticate(HttpRequest.get(URI.create("http://api.invalid/items")))
                .headers().get("Authorization");
    }

    private static final String BASE = """
            type: OAuthAuthenticator
            token_refresh_endpoint: "{{ config['refresh_endpoint'] }}"
            client_id: "{{ config['client_id'] }}"
            client_secret: "{{ config['client_secret'] }}"
            refresh_token: "{{ config['refresh_token'] }}"
            """;

    /** Reference: test_refresh_request_body. */
    @Test
    void theRefreshBodyHasTheStandardFieldsThenTheExtraOnes() {
        routes.on("/token", json("{\"access_token\": \"a\", \"expires_in\": 3600}"));
        Authenticator oauth = build(BASE + """
                scopes: [scope1, scope2]
                grant_type: "{{ config['grant_type'] }}"
                refresh_request_body:
                  custom_field: "{{ config['custom_field'] }}"
                  another_field: "{{ config['another_field'] }}"
                  scopes: [no_override]
                """, "");

        assertThat(authorization(oauth)).isEqualTo("Bearer a");
        assertThat(routes.requests("/token").get(0).getBody().utf8()).isEqualTo("grant_type=some_grant_type"
                + "&client_id=some_client_id&client_secret=some_client_secret&refresh_token=some_refresh_token"
                + "&scopes=scope1&scopes=scope2&custom_field=in_outbound_request&another_field=exists_in_body");
    }

    /** Reference: test_refresh_request_headers and ..._excludes_credentials_when_authorization_header_present. */
    @Test
    void anAuthorizationHeaderKeepsTheClientCredentialsOutOfTheBody() {
        routes.on("/token", json("{\"access_token\": \"a\"}"));
        Authenticator oauth = build(BASE + """
                refresh_request_headers:
                  Authorization: "Basic {{ [config['client_id'], config['client_secret']] | join(':') | base64encode }}"
                  Content-Type: application/x-www-form-urlencoded
                """, "");

        authorization(oauth);

        RecordedRequest token = routes.requests("/token").get(0);
        assertThat(token.getHeaders().get("Authorization"))
                .isEqualTo("Basic c29tZV9jbGllbnRfaWQ6c29tZV9jbGllbnRfc2VjcmV0");
        assertThat(token.getHeaders().values("Content-Type")).containsExactly("application/x-www-form-urlencoded");
        assertThat(token.getBody().utf8()).isEqualTo("grant_type=refresh_token&refresh_token=some_refresh_token");
    }

    @Test
    void queryParameterModeSendsTheFieldsInTheUrlAndNoBody() {
        routes.on("/token", json(400, "{\"error\": \"bad\"}"));
        Authenticator oauth = build(BASE + "send_refresh_request_as_query_params: true\n", "");

        assertThatThrownBy(() -> authorization(oauth)).isInstanceOf(ConnectorException.class)
                .hasMessageNotContaining("some_client_secret").hasMessageNotContaining("some_refresh_token");

        RecordedRequest token = routes.requests("/token").get(0);
        assertThat(token.getMethod()).isEqualTo("POST");
        assertThat(token.getBodySize()).isZero();
        assertThat(token.getUrl().encodedQuery()).isEqualTo("grant_type=refresh_token&client_id=some_client_id"
                + "&client_secret=some_client_secret&refresh_token=some_refresh_token");
    }

    @Test
    void clientCredentialsSendNoRefreshToken() {
        routes.on("/token", json("{\"data\": {\"token\": {\"value\": \"deep\", \"ttl\": 60}}}"));
        Authenticator oauth = build("""
                type: OAuthAuthenticator
                token_refresh_endpoint: "{{ config['refresh_endpoint'] }}"
                grant_type: client_credentials
                client_id_name: app_id
                client_id: "{{ config['client_id'] }}"
                client_secret_name: app_secret
                client_secret: "{{ config['client_secret'] }}"
                grant_type_name: flow
                access_token_name: value
                expires_in_name: ttl
                """, "");

        assertThat(authorization(oauth)).isEqualTo("Bearer deep");
        assertThat(routes.requests("/token").get(0).getBody().utf8())
                .isEqualTo("flow=client_credentials&app_id=some_client_id&app_secret=some_client_secret");
    }

    /** Reference: test_initialize_declarative_oauth_with_token_expiry_date_as_timestamp. */
    @ParameterizedTest
    @CsvSource({"1640995200, 2022-01-01T00:00:00Z", "'\"1650758400\"', 2022-04-24T00:00:00Z"})
    void aGivenAccessTokenIsUsedUntilItsExpiryDate(String timestamp, String expiry) {
        routes.on("/token", json("{\"access_token\": \"new_access_token\", \"expires_in\": 3600}"));
        clock.advance(Duration.between(clock.instant(), java.time.Instant.parse(expiry)).minusMinutes(2));
        Authenticator oauth = build(BASE + "grant_type: client_credentials\naccess_token_value: some_access_token\n"
                + "token_expiry_date: " + timestamp + "\n", "");

        assertThat(authorization(oauth)).isEqualTo("Bearer some_access_token");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(authorization(oauth)).isEqualTo("Bearer new_access_token");
    }

    /** Reference: test_no_expiry_date_provided_by_auth_server (the new expiry is checked by when it refreshes). */
    @ParameterizedTest
    @CsvSource({"P1D, some_access_token, PT24H", "-P1D, new_access_token, PT1H", "'', new_access_token, PT1H"})
    void withoutAnExpiryFromTheServerTheTokenLastsAnHourUnlessTheGivenOneIsValid(String initialDelta,
            String expectedToken, Duration expectedLifetime) {
        routes.on("/token", json("{\"access_token\": \"new_access_token\"}"),
                json("{\"access_token\": \"newer_access_token\"}"));
        String expiry = initialDelta.isEmpty() ? ""
                : "token_expiry_date: \"" + clock.instant().plus(Duration.parse(initialDelta.replace("P1D", "PT24H")))
                        + "\"\n";
        Authenticator oauth = build(BASE + "access_token_value: some_access_token\n" + expiry, "");

        assertThat(authorization(oauth)).isEqualTo("Bearer " + expectedToken);
        clock.advance(expectedLifetime.minusSeconds(61));
        assertThat(authorization(oauth)).isEqualTo("Bearer " + expectedToken);
        clock.advance(Duration.ofSeconds(2));
        assertThat(authorization(oauth)).isNotEqualTo("Bearer " + expectedToken);
    }

    /** Reference: test_refresh_access_token_expire_format (the format is a hint; ISO dates always parse). */
    @ParameterizedTest
    @CsvSource({"2020-01-02T00:00:00Z, YYYY-MM-DDTHH:mm:ss[Z]",
            "2020-01-02T00:00:00.000000+00:00, YYYY-MM-DDTHH:mm:ss.SSSSSSZ", "2020-01-02, YYYY-MM-DD",
            "02/01/2020 00:00, %d/%m/%Y %H:%M"})
    void anExpiryDateInTheResponseIsReadWithTheFormat(String expiresIn, String format) {
        routes.on("/token", json("{\"access_token\": \"first\", \"expires_in\": \"" + expiresIn + "\"}"),
                json("{\"access_token\": \"second\", \"expires_in\": \"" + expiresIn + "\"}"));
        Authenticator oauth = build(BASE + "token_expiry_date_format: \"" + format + "\"\n", "");

        assertThat(authorization(oauth)).isEqualTo("Bearer first");
        clock.advance(Duration.ofHours(24).minusSeconds(61));
        assertThat(authorization(oauth)).isEqualTo("Bearer first");
        clock.advance(Duration.ofSeconds(2));
        assertThat(authorization(oauth)).isEqualTo("Bearer second");
    }

    /** Reference: test_set_token_expiry_date_no_format. */
    @ParameterizedTest
    @CsvSource({"86400, false", "86400.1, false", "'\"86400\"', false", "'\"86400.1\"', false",
            "'\"2020-01-02T00:00:00Z\"', true"})
    void withoutAFormatTheExpiryIsSeconds(String expiresIn, boolean invalid) {
        routes.on("/token", json("{\"access_token\": \"first\", \"expires_in\": " + expiresIn + "}"),
                json("{\"access_token\": \"second\", \"expires_in\": 60}"));
        Authenticator oauth = build(BASE, "");

        if (invalid) {
            assertThatThrownBy(() -> authorization(oauth)).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("Invalid expires_in value");
            return;
        }
        assertThat(authorization(oauth)).isEqualTo("Bearer first");
        clock.advance(Duration.ofHours(24).minusSeconds(61));
        assertThat(authorization(oauth)).isEqualTo("Bearer first");
        clock.advance(Duration.ofSeconds(2));
        assertThat(authorization(oauth)).isEqualTo("Bearer second");
    }

    @Test
    void aGivenAccessTokenWithoutEndpointIsUsedAsIs() {
        Authenticator oauth = build("""
                type: OAuthAuthenticator
                client_id: "{{ config['client_id'] }}"
                client_secret: "{{ config['client_secret'] }}"
                grant_type: client_credentials
                access_token_value: "{{ config['token'] }}"
                """, ", \"token\": \"fixed\"");

        assertThat(authorization(oauth)).isEqualTo("Bearer fixed");
        oauth.invalidate();
        assertThat(authorization(oauth)).isEqualTo("Bearer fixed");
        assertThat(routes.requests("/token")).isEmpty();
    }

    @Test
    void invalidateMakesTheNextRequestRefresh() {
        routes.on("/token", json("{\"access_token\": \"first\", \"expires_in\": 3600}"),
                json("{\"access_token\": \"second\", \"expires_in\": 3600}"));
        Authenticator oauth = build(BASE, "");

        assertThat(authorization(oauth)).isEqualTo("Bearer first");
        assertThat(authorization(oauth)).isEqualTo("Bearer first");
        oauth.invalidate();
        assertThat(authorization(oauth)).isEqualTo("Bearer second");
        assertThat(routes.requests("/token")).hasSize(2);
    }

    @Test
    void concurrentRequestsThatFindNoTokenRefreshOnce() throws Exception {
        routes.on("/token", json("{\"access_token\": \"shared\", \"expires_in\": 3600}"));
        Authenticator oauth = build(BASE, "");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return authorization(oauth);
                }));
            }
            go.countDown();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo("Bearer shared");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(routes.requests("/token")).hasSize(1);
    }

    @Test
    void aResponseWithoutTheAccessTokenIsASystemError() {
        routes.on("/token", json("{\"token\": \"elsewhere\"}"));
        Authenticator oauth = build(BASE, "");

        assertThatThrownBy(() -> authorization(oauth)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR))
                .hasMessage("Token refresh API response was missing access token access_token");
    }

    @Test
    void theProfileAssertionFlowSendsASignedJwt() throws Exception {
        routes.on("/token", json("{\"access_token\": \"via-assertion\", \"expires_in\": 3600}"));
        Authenticator oauth = build("""
                type: OAuthAuthenticator
                token_refresh_endpoint: "{{ config['refresh_endpoint'] }}"
                use_profile_assertion: true
                profile_assertion:
                  type: JwtAuthenticator
                  secret_key: test
                  algorithm: HS256
                  token_duration: 1000
                  jwt_payload: {iss: iss}
                """, "");

        assertThat(authorization(oauth)).isEqualTo("Bearer via-assertion");
        String body = routes.requests("/token").get(0).getBody().utf8();
        assertThat(body).startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=");
        String jwt = body.substring(body.indexOf("assertion=") + "assertion=".length());
        assertThat(JwtChecks.hmacValid(jwt, "HmacSHA256", "test".getBytes())).isTrue();
        assertThat(JwtChecks.payload(jwt).path("iss").asText()).isEqualTo("iss");
        assertThat(JwtChecks.payload(jwt).path("exp").asLong()).isEqualTo(clock.instant().getEpochSecond() + 1000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "client_secret: x|client_id and client_secret are required",
            "client_id: x;client_secret: y|refresh_token is required when grant_type is refresh_token",
            "use_profile_assertion: true|use_profile_assertion needs a profile_assertion",
            "client_id: x;client_secret: y;refresh_token: z;refresh_token_error_key: error;"
                    + "refresh_token_updater: {refresh_token_error_key: error}|not both"})
    void inconsistentSettingsAreManifestErrors(String fields, String problem) {
        assertThatThrownBy(() -> bind("type: OAuthAuthenticator\n" + fields.replace(";", "\n") + "\n"))
                .isInstanceOf(ManifestException.class).hasMessageContaining(problem);
    }

    @Test
    void equalConfigsOfTwoRunsDoNotShareRotatedTokens() {
        routes.on("/token", json("{\"access_token\": \"run-1\", \"expires_in\": 3600}"),
                json("{\"access_token\": \"run-2\", \"expires_in\": 3600}"));
        String yaml = BASE.replace("refresh_token: \"{{ config['refresh_token'] }}\"\n", "")
                + "refresh_token_updater: {refresh_token_config_path: [refresh_token]}\n";
        AuthenticatorSpec spec = bind(yaml);

        Authenticator first = spec.build(context(AuthFixtures.config(config("")), clock));
        Authenticator second = spec.build(context(AuthFixtures.config(config("")), clock));

        assertThat(authorization(first)).isEqualTo("Bearer run-1");
        assertThat(authorization(second)).isEqualTo("Bearer run-2");
        assertThat(authorization(first)).isEqualTo("Bearer run-1");
    }
}

package dev.sluice.declarative.auth;

import static dev.sluice.declarative.auth.AuthFixtures.manifest;
import static dev.sluice.declarative.auth.AuthFixtures.source;
import static dev.sluice.declarative.auth.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.protocol.FailureType;
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

/** SessionTokenAuthenticator end to end: login once, reuse, renew after expiration_duration, inject as configured. */
class SessionTokenReadTest {

    private static final String PAGINATOR = """
            type: DefaultPaginator
            pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}",
                                  stop_condition: "{{ not response.next }}"}
            page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
            """;

    private final Routes routes = new Routes();
    @RegisterExtension
    final MockApi server = new MockApi().otherwise(routes::dispatch);
    private final TestClock clock = TestClock.at("2024-01-01T00:00:00Z");

    @AfterEach
    void noUnexpectedRequests() {
        assertThat(routes.unexpected()).isEmpty();
    }

    private static String session(String expiration, String requestAuthentication) {
        return """
                type: SessionTokenAuthenticator
                login_requester:
                  type: HttpRequester
                  url_base: "{{ config['api'] }}"
                  path: login
                  http_method: POST
                  authenticator: {type: BasicHttpAuthenticator, username: "{{ config['user'] }}", password: "{{ config['password'] }}"}
                  request_body_json: {scope: read}
                session_token_path: [result, token]
                """ + expiration + "request_authentication:\n" + requestAuthentication.indent(2);
    }

    private Output read(String manifest) {
        String url = server.url("/").toString();
        Config config = AuthFixtures.config("{\"api\": \"" + url.substring(0, url.length() - 1)
                + "\", \"user\": \"ann\", \"password\": \"pa55word\"}");
        DeclarativeSource source = source(manifest, clock, new RecordingSleeper(), new AuthFixtures.Updates());
        return ConnectorHarness.of(source).withClock(clock).readAll(config, false, StateInput.empty());
    }

    private void threePages() {
        routes.on("/items", json("{\"data\": [{\"id\": 1}], \"next\": \"2\"}"),
                json("{\"data\": [{\"id\": 2}], \"next\": \"3\"}"), json("{\"data\": [{\"id\": 3}]}"));
    }

    @Test
    void logsInOnceAndReusesTheTokenWhileItLasts() {
        routes.on("/login", json("{\"result\": {\"token\": \"session-1\"}}"));
        threePages();

        Output output = read(manifest(session("expiration_duration: PT1H\n", "type: Bearer"), "", PAGINATOR));

        assertThat(output.errors()).isEmpty();
        assertThat(output.records("items")).hasSize(3);
        RecordedRequest login = routes.requests("/login").get(0);
        assertThat(routes.requests("/login")).hasSize(1);
        assertThat(login.getMethod()).isEqualTo("POST");
        assertThat(login.getHeaders().get("Authorization")).isEqualTo("Basic YW5uOnBhNTV3b3Jk");
        assertThat(login.getBody().utf8()).isEqualTo("{\"scope\":\"read\"}");
        assertThat(routes.requests("/items")).extracting(request -> request.getHeaders().get("Authorization"))
                .containsOnly("Bearer session-1");
    }

    @Test
    void logsInAgainOnceTheExpirationDurationHasPassed() {
        routes.on("/login", json("{\"result\": {\"token\": \"session-1\"}}"),
                json("{\"result\": {\"token\": \"session-2\"}}"));
        threePages();
        routes.afterServing("/items", () -> clock.advance(Duration.ofMinutes(30)))
                .afterServing("/items", () -> clock.advance(Duration.ofMinutes(31)));

        Output output = read(manifest(session("expiration_duration: PT1H\n", "type: Bearer"), "", PAGINATOR));

        assertThat(output.records("items")).hasSize(3);
        assertThat(routes.requests("/items")).extracting(request -> request.getHeaders().get("Authorization"))
                .containsExactly("Bearer session-1", "Bearer session-1", "Bearer session-2");
    }

    @Test
    void withoutExpirationDurationEveryRequestLogsIn() {
        routes.always("/login", json("{\"result\": {\"token\": \"session\"}}"));
        threePages();

        read(manifest(session("", "type: Bearer"), "", PAGINATOR));

        assertThat(routes.requests("/login")).hasSize(3);
    }

    @Test
    void anApiKeyTemplateRendersTheSessionTokenIntoTheChosenPlace() {
        routes.on("/login", json("{\"result\": {\"token\": \"session-1\"}}"))
                .on("/items", json("{\"data\": [{\"id\": 1}]}"));

        read(manifest(session("expiration_duration: P1D\n", """
                type: ApiKey
                api_token: "Token {{ session_token }}"
                inject_into: {type: RequestOption, inject_into: header, field_name: X-Session}
                """), ""));

        assertThat(routes.requests("/items").get(0).getHeaders().get("X-Session")).isEqualTo("Token session-1");
    }

    @Test
    void theDefaultApiKeyIsTheSessionTokenItself() {
        routes.on("/login", json("{\"result\": {\"token\": \"session-1\"}}"))
                .on("/items", json("{\"data\": [{\"id\": 1}]}"));

        read(manifest(session("", """
                type: ApiKey
                inject_into: {type: RequestOption, inject_into: request_parameter, field_name: auth}
                """), ""));

        assertThat(routes.requests("/items").get(0).getUrl().queryParameter("auth")).isEqualTo("session-1");
    }

    @Test
    void a401WithRefreshTokenThenRetryLogsInAgain() {
        routes.on("/login", json("{\"result\": {\"token\": \"session-1\"}}"),
                json("{\"result\": {\"token\": \"session-2\"}}"))
                .on("/items", json(401, "{}"), json("{\"data\": [{\"id\": 1}]}"));

        Output output = read(manifest(session("expiration_duration: PT1H\n", "type: Bearer"), """
                type: DefaultErrorHandler
                response_filters: [{type: HttpResponseFilter, http_codes: [401], action: REFRESH_TOKEN_THEN_RETRY}]
                """));

        assertThat(output.records("items")).hasSize(1);
        assertThat(routes.requests("/items")).extracting(request -> request.getHeaders().get("Authorization"))
                .containsExactly("Bearer session-1", "Bearer session-2");
    }

    @Test
    void aLoginResponseWithoutTheTokenIsAnErrorThatShowsNoBody() {
        routes.on("/login", json("{\"result\": {\"other\": \"pa55word-echo\"}}"));

        Output output = read(manifest(session("", "type: Bearer"), ""));

        assertThat(output.errors()).isNotEmpty();
        assertThat(output.errors().get(0).failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
        assertThat(output.errors().get(0).message()).contains("session_token_path [result, token]")
                .doesNotContain("pa55word");
        assertThat(routes.requests("/items")).isEmpty();
    }

    @Test
    void aRejectedLoginIsAConfigError() {
        routes.on("/login", json(401, "{\"message\": \"bad credentials\"}"));

        Output output = read(manifest(session("", "type: Bearer"), ""));

        assertThat(output.errors().get(0).failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(routes.requests("/items")).isEmpty();
    }
}

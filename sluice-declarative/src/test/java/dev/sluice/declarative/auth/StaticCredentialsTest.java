package dev.sluice.declarative.auth;

import static dev.sluice.declarative.auth.AuthFixtures.bind;
import static dev.sluice.declarative.auth.AuthFixtures.context;
import static dev.sluice.declarative.auth.AuthFixtures.manifest;
import static dev.sluice.declarative.auth.AuthFixtures.source;
import static dev.sluice.declarative.auth.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpRequest;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.TestClock;
import java.net.URI;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ApiKey, Bearer and Basic authenticators: the reference's tables, and API keys injected into real requests. */
class StaticCredentialsTest {

    private static final Config CONFIG = AuthFixtures.config(
            "{\"username\": \"user\", \"password\": \"password\", \"header\": \"header\"}");

    private final Routes routes = new Routes();
    @RegisterExtension
    final MockApi server = new MockApi().otherwise(routes::dispatch);

    @AfterEach
    void noUnexpectedRequests() {
        assertThat(routes.unexpected()).isEmpty();
    }

    private static HttpRequest authenticate(String yaml) {
        Authenticator authenticator = bind(yaml).build(context(CONFIG, TestClock.at("2024-01-01T00:00:00Z")));
        return authenticator.authenticate(HttpRequest.get(URI.create("http://api.invalid/items")));
    }

    /** Reference: test_bearer_token_authenticator. */
    @ParameterizedTest
    @CsvSource({"test-token, Bearer test-token", "'{{ config.username }}', Bearer user",
            "'{{ parameters.username }}', Bearer user"})
    void bearer(String token, String expected) {
        assertThat(authenticate("type: BearerAuthenticator\napi_token: \"" + token + "\"\n"
                + "$parameters: {username: user}\n").headers().get("Authorization")).isEqualTo(expected);
    }

    /** Reference: test_basic_authenticator. */
    @ParameterizedTest
    @CsvSource({"user, password", "'{{ config.username }}', '{{ config.password }}'",
            "'{{ parameters.username }}', '{{ parameters.password }}'"})
    void basic(String username, String password) {
        assertThat(authenticate("type: BasicHttpAuthenticator\nusername: \"" + username + "\"\npassword: \""
                + password + "\"\n$parameters: {username: user, password: password}\n").headers()
                .get("Authorization")).isEqualTo("Basic dXNlcjpwYXNzd29yZA==");
    }

    /** Reference: test_api_key_authenticator (the deprecated {@code header}). */
    @ParameterizedTest
    @CsvSource({"Authorization, test-token, Authorization, test-token",
            "'{{ config.header }}', '{{ config.username }}', header, user",
            "'{{ parameters.header }}', '{{ parameters.username }}', header, user"})
    void apiKeyInAHeader(String header, String token, String expectedHeader, String expectedValue) {
        assertThat(authenticate("type: ApiKeyAuthenticator\nheader: \"" + header + "\"\napi_token: \"" + token
                + "\"\n$parameters: {header: header, username: user}\n").headers().get(expectedHeader))
                .isEqualTo(expectedValue);
    }

    @Test
    void apiKeyNeedsExactlyOneOfHeaderAndInjectInto() {
        assertThatThrownBy(() -> bind("type: ApiKeyAuthenticator\napi_token: x\n"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("exactly one of header or inject_into");
    }

    /** Reference: test_api_key_authenticator_inject, against a real server. */
    @ParameterizedTest
    @CsvSource({"request_parameter, GET", "header, GET", "body_json, POST", "body_data, POST"})
    void apiKeyIsInjectedWhereRequested(String injectInto, String method) {
        routes.on("/items", json("{\"data\": [{\"id\": 1}]}"));
        String authenticator = """
                type: ApiKeyAuthenticator
                api_token: "{{ config['key'] }}"
                inject_into: {type: RequestOption, inject_into: %s, field_name: api_key}
                """.formatted(injectInto);
        String text = manifest(authenticator, "").replace("path: /items", "path: /items\n        http_method: "
                + method);
        String url = server.url("/").toString();
        Config config = AuthFixtures.config("{\"api\": \"" + url.substring(0, url.length() - 1)
                + "\", \"key\": \"k e y\"}");

        ConnectorHarness.of(source(text, TestClock.at("2024-01-01T00:00:00Z"), new RecordingSleeper(),
                new AuthFixtures.Updates())).readAll(config, false, StateInput.empty());

        RecordedRequest request = routes.requests("/items").get(0);
        assertThat(request.getMethod()).isEqualTo(method);
        switch (injectInto) {
            case "request_parameter" -> assertThat(request.getUrl().queryParameter("api_key")).isEqualTo("k e y");
            case "header" -> assertThat(request.getHeaders().get("api_key")).isEqualTo("k e y");
            case "body_json" -> assertThat(request.getBody().utf8()).isEqualTo("{\"api_key\":\"k e y\"}");
            default -> assertThat(request.getBody().utf8()).isEqualTo("api_key=k+e+y");
        }
    }
}

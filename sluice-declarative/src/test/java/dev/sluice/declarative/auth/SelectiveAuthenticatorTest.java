package dev.sluice.declarative.auth;

import static dev.sluice.declarative.auth.AuthFixtures.bind;
import static dev.sluice.declarative.auth.AuthFixtures.context;
import static dev.sluice.declarative.auth.AuthFixtures.manifest;
import static dev.sluice.declarative.auth.AuthFixtures.source;
import static dev.sluice.declarative.auth.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpRequest;
import dev.sluice.protocol.FailureType;
import dev.sluice.runner.StateInput;
import dev.sluice.source.ConfigException;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.TestClock;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SelectiveAuthenticator: the config picks the authenticator; a missing or unknown pick is a config error. */
class SelectiveAuthenticatorTest {

    private static final String SELECTIVE = """
            type: SelectiveAuthenticator
            authenticator_selection_path: [auth, type]
            authenticators:
              one: {type: BearerAuthenticator, api_token: "{{ config['auth']['token'] }}"}
              two: {type: BasicHttpAuthenticator, username: "{{ config['auth']['user'] }}"}
              "3": {type: ApiKeyAuthenticator, header: X-Key, api_token: "{{ config['auth']['token'] }}"}
            """;

    private final Routes routes = new Routes();
    @RegisterExtension
    final MockApi server = new MockApi().otherwise(routes::dispatch);

    private static Authenticator build(String auth) {
        return bind(SELECTIVE).build(context(AuthFixtures.config("{\"auth\": " + auth + "}"),
                TestClock.at("2024-01-01T00:00:00Z")));
    }

    private static HttpRequest authenticate(Authenticator authenticator) {
        return authenticator.authenticate(HttpRequest.get(URI.create("http://api.invalid/items")));
    }

    /** Reference: test_authenticator_selected (a number selects by its text). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\": \"one\", \"token\": \"t\"}|Authorization|Bearer t",
            "{\"type\": \"two\", \"user\": \"u\"}|Authorization|Basic dTo=",
            "{\"type\": 3, \"token\": \"t\"}|X-Key|t"})
    void theConfigValueSelects(String auth, String header, String value) {
        assertThat(authenticate(build(auth)).headers()).containsEntry(header, value).hasSize(1);
    }

    /** Reference: test_selection_path_not_found. */
    @Test
    void aMissingSelectionNamesThePathAndTheChoices() {
        assertThatThrownBy(() -> build("{\"kind\": \"one\"}")).isInstanceOf(ConfigException.class)
                .hasMessage("The config has no value at auth.type, which selects the authenticator "
                        + "(one of 'one', 'two', '3')");
    }

    /** Reference: test_selected_auth_not_found. */
    @Test
    void anUnknownSelectionNamesTheValueAndTheChoices() {
        assertThatThrownBy(() -> build("{\"type\": \"unknown\"}")).isInstanceOf(ConfigException.class)
                .hasMessage("The config value at auth.type ('unknown') selects no authenticator "
                        + "(expected one of 'one', 'two', '3')");
    }

    @Test
    void aReadUsesTheSelectedAuthenticatorAndFailsAsAConfigErrorWithoutSelection() {
        routes.always("/items", json("{\"data\": [{\"id\": 1}]}"));
        String url = server.url("/").toString();
        String api = "\"api\": \"" + url.substring(0, url.length() - 1) + "\"";
        ConnectorHarness harness = ConnectorHarness.of(source(manifest(SELECTIVE, ""),
                TestClock.at("2024-01-01T00:00:00Z"), new RecordingSleeper(), new AuthFixtures.Updates()));

        Output selected = harness.readAll(AuthFixtures.config("{" + api + ", \"auth\": {\"type\": \"one\", "
                + "\"token\": \"t\"}}"), false, StateInput.empty());
        Output unselected = harness.readAll(AuthFixtures.config("{" + api + ", \"auth\": {}}"), false,
                StateInput.empty());

        assertThat(selected.records("items")).hasSize(1);
        assertThat(routes.requests("/items").get(0).getHeaders().get("Authorization")).isEqualTo("Bearer t");
        assertThat(unselected.errors()).isNotEmpty();
        assertThat(unselected.errors().get(0).failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(unselected.errors().get(0).message()).contains("auth.type");
    }
}

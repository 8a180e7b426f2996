package dev.sluice.cli;

import static dev.sluice.cli.SecretsEverywhereTest.ACCESS_TOKEN;
import static dev.sluice.cli.SecretsEverywhereTest.API_KEY;
import static dev.sluice.cli.SecretsEverywhereTest.CLIENT_SECRET;
import static dev.sluice.cli.SecretsEverywhereTest.REFRESH_TOKEN;
import static dev.sluice.cli.SecretsEverywhereTest.ROTATED_TOKEN;
import static dev.sluice.cli.SecretsEverywhereTest.exits;
import static dev.sluice.cli.SecretsEverywhereTest.rotated;
import static dev.sluice.cli.SecretsEverywhereTest.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.cli.SecretsEverywhereTest.Scenario;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The OAuth API and the scenarios with broken input of {@link SecretsEverywhereTest}. */
final class SecretsFixtures {

    private static final String OAUTH_MANIFEST = """
            version: "6.44.0"
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [items]}
            streams:
              - type: DeclarativeStream
                name: items
                primary_key: id
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config['api'] }}"
                    path: "{{ config['path'] }}"
                    authenticator:
                      type: OAuthAuthenticator
                      token_refresh_endpoint: "{{ config['api'] }}/{{ config['token_path'] }}"
                      client_id: "{{ config['credentials']['client_id'] }}"
                      client_secret: "{{ config['credentials']['client_secret'] }}"
                      refresh_token: "{{ config['credentials']['refresh_token'] }}"
                      refresh_token_updater: {}
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
            spec:
              type: Spec
              connection_specification:
                type: object
                properties:
                  api: {type: string}
                  path: {type: string}
                  token_path: {type: string}
                  credentials:
                    type: object
                    properties:
                      client_id: {type: string}
                      client_secret: {type: string, airbyte_secret: true}
                      refresh_token: {type: string, airbyte_secret: true}
            """;

    private SecretsFixtures() {
    }

    /**
     * {@code POST /token} grants {@link SecretsEverywhereTest#ACCESS_TOKEN} and rotates the refresh token;
     * {@code POST /revoked-token} refuses, quoting the refresh token and client secret it was sent;
     * {@code GET /items} wants the access token; {@code GET /echo} refuses it, quoting it.
     */
    static HostileApi oauthApi() throws IOException {
        return HostileApi.start()
                .answer("/token", HostileApi.json(200, Json.write(Json.object().put("access_token", ACCESS_TOKEN)
                        .put("refresh_token", ROTATED_TOKEN).put("expires_in", 3600))))
                .answer("/revoked-token", HostileApi.json(400, Json.write(Json.object().put("error", "invalid_grant")
                        .put("error_description", "refresh token " + REFRESH_TOKEN + " of client secret "
                                + CLIENT_SECRET + " was revoked"))))
                .answer("/items", exchange -> {
                    boolean authorized = ("Bearer " + ACCESS_TOKEN).equals(
                            exchange.getRequestHeaders().getFirst("Authorization"));
                    HostileApi.json(authorized ? 200 : 401, authorized ? "{\"data\": [{\"id\": 1}, {\"id\": 2}]}"
                            : "{\"error\": \"unauthorized\"}").respond(exchange);
                })
                .answer("/echo", HostileApi.json(401, Json.write(Json.object().put("error", "the token "
                        + ACCESS_TOKEN + " has been revoked"))));
    }

    private static List<String> oauthRead(SecretsEverywhereTest test, String path, String tokenPath, String... extra)
            throws IOException {
        ObjectNode config = Json.object().put("api", test.oauthBase()).put("path", path).put("token_path", tokenPath);
        config.putObject("credentials").put("client_id", "client-1").put("client_secret", CLIENT_SECRET)
                .put("refresh_token", REFRESH_TOKEN);
        Path dir = test.dir();
        List<String> args = new ArrayList<>(List.of("read",
                "--manifest", Files.writeString(dir.resolve("oauth.yaml"), OAUTH_MANIFEST).toString(),
                "--config", Files.writeString(dir.resolve("oauth-config.json"), Json.write(config)).toString(),
                "--catalog", Files.writeString(dir.resolve("oauth-catalog.json"), ItemsConnector.CATALOG).toString()));
        args.addAll(List.of(extra));
        return args;
    }

    static List<Scenario> oauthScenarios() {
        return List.of(
                new Scenario("oauth: read --debug, the refresh token rotated",
                        t -> oauthRead(t, "items", "token", "--debug"), rotated()),
                new Scenario("oauth: the token endpoint refuses, quoting the secrets",
                        t -> oauthRead(t, "items", "revoked-token"), exits(1)),
                new Scenario("oauth: the API refuses the access token, quoting it",
                        t -> oauthRead(t, "echo", "token"), exits(1)));
    }

    /** A read of the items manifest with the API key as a plain request parameter, part of every URL. */
    static List<String> keyAsParameter(SecretsEverywhereTest test, String baseUrl) throws IOException {
        String authenticator = """
                authenticator:
                  type: ApiKeyAuthenticator
                  api_token: "{{ config['api_key'] }}"
                  inject_into: {type: RequestOption, inject_into: request_parameter, field_name: api_key}
                """.indent(8);
        String parameters = """
                request_parameters: {api_key: "{{ config['api_key'] }}"}
                """.indent(8);
        return itemsVariant(test, "read", "parameter", baseUrl, authenticator, parameters);
    }

    /** The items manifest with {@code replacement} for {@code original}. */
    private static List<String> itemsVariant(SecretsEverywhereTest test, String command, String name,
            String original, String replacement) throws IOException {
        return itemsVariant(test, command, name, test.oauthBase(), original, replacement);
    }

    /** The items manifest with pairs of replacements (original, replacement, ...), against {@code baseUrl}. */
    private static List<String> itemsVariant(SecretsEverywhereTest test, String command, String name,
            String baseUrl, String... replacements) throws IOException {
        String manifest = ItemsConnector.MANIFEST;
        for (int i = 0; i < replacements.length; i += 2) {
            String changed = manifest.replace(replacements[i], replacements[i + 1]);
            if (changed.equals(manifest)) {
                throw new AssertionError("the variant " + name + " does not change " + replacements[i]);
            }
            manifest = changed;
        }
        Path dir = test.dir();
        ObjectNode config = ItemsConnector.config(baseUrl, baseUrl.equals(test.oauthBase()) ? "items" : "employees",
                API_KEY);
        List<String> args = new ArrayList<>(List.of(command,
                "--manifest", Files.writeString(dir.resolve(name + ".yaml"), manifest).toString(),
                "--config", Files.writeString(dir.resolve(name + "-config.json"), Json.write(config)).toString()));
        if (command.equals("read")) {
            args.addAll(List.of("--catalog", Files.writeString(dir.resolve("items-catalog.json"),
                    ItemsConnector.CATALOG).toString()));
        }
        return args;
    }

    static List<Scenario> invalidInputScenarios() {
        String secretSpec = "api_key: {type: string, airbyte_secret: true}";
        return List.of(
                new Scenario("check: the key fails its pattern and length", t -> itemsVariant(t, "check", "pattern",
                        secretSpec, "api_key: {type: string, airbyte_secret: true, pattern: '^[a-z]+$', maxLength: 4}"),
                        status(ConnectionStatus.Status.FAILED)),
                new Scenario("read: the key has the wrong type", t -> itemsVariant(t, "read", "typed", secretSpec,
                        "api_key: {type: integer, airbyte_secret: true}"), exits(1)),
                new Scenario("read: a broken manifest", t -> itemsVariant(t, "read", "broken",
                        "type: DpathExtractor", "type: NoSuchExtractor"), exits(1)),
                new Scenario("read: a template fails on the key", t -> itemsVariant(t, "read", "template",
                        "path: \"{{ config['path'] }}\"",
                        "path: \"{{ config['path'] }}\"\n"
                                + "        request_parameters: {since: \"{{ format_datetime(config['api_key'], "
                                + "'%Y') }}\"}"), exits(1)));
    }
}

package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.AirbyteControl;
import dev.sluice.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rotated refresh token is written as a CONTROL message with the whole new config, and never leaks. */
class OAuthControlMessageCliTest {

    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/token")) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .body("{\"access_token\": \"access-9f8e\", \"refresh_token\": \"rotated-7c6d\", "
                                    + "\"expires_in\": 3600}").build();
                }
                boolean authorized = "Bearer access-9f8e".equals(request.getHeaders().get("Authorization"));
                return new MockResponse.Builder().code(authorized ? 200 : 401)
                        .body(authorized ? "{\"items\": [{\"id\": 1}, {\"id\": 2}]}" : "{}").build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readEmitsTheRotatedConfig() throws Exception {
        Path manifest = dir.resolve("manifest.yaml");
        Files.writeString(manifest, """
                version: "6.44.0"
                type: DeclarativeSource
                check: {type: CheckStream, stream_names: [items]}
                streams:
                  - type: DeclarativeStream
                    name: items
                    primary_key: id
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "{{ config['api'] }}"
                        path: /items
                        authenticator:
                          type: OAuthAuthenticator
                          token_refresh_endpoint: "{{ config['api'] }}/token"
                          client_id: "{{ config['credentials']['client_id'] }}"
                          client_secret: "{{ config['credentials']['client_secret'] }}"
                          refresh_token: "{{ config['credentials']['refresh_token'] }}"
                          refresh_token_updater: {}
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: [items]}
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                spec:
                  type: Spec
                  connection_specification:
                    type: object
                    properties:
                      api: {type: string}
                      credentials:
                        type: object
                        properties:
                          client_id: {type: string}
                          client_secret: {type: string, airbyte_secret: true}
                          refresh_token: {type: string, airbyte_secret: true}
                """);
        Path config = dir.resolve("config.json");
        var settings = Json.object().put("api", server.url("/").toString().replaceAll("/$", ""));
        settings.putObject("credentials").put("client_id", "id-1").put("client_secret", "secret-5b4a")
                .put("refresh_token", "first-3e2f");
        Files.writeString(config, Json.write(settings));
        Path catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, """
                {"streams": [{"stream": {"name": "items", "json_schema": {}, "supported_sync_modes": ["full_refresh"]},
                  "sync_mode": "full_refresh", "destination_sync_mode": "overwrite"}]}""");

        CliRun read = CliRun.of("read", "--manifest", manifest.toString(), "--config", config.toString(),
                "--catalog", catalog.toString());

        assertThat(read.exitCode()).isZero();
        assertThat(read.output().records("items")).hasSize(2);
        AirbyteControl control = read.output().messages().stream().filter(AirbyteControl.class::isInstance)
                .map(AirbyteControl.class::cast).findFirst().orElseThrow();
        // The reference's default config path for the rotated token is credentials.refresh_token.
        assertThat(control.connectorConfig().config().at("/credentials/refresh_token").asText()).isEqualTo("rotated-7c6d");
        assertThat(control.connectorConfig().config().at("/credentials/client_id").asText()).isEqualTo("id-1");
        assertThat(read.output().logs()).noneMatch(log -> log.message().contains("secret-5b4a")
                || log.message().contains("first-3e2f"));
    }
}

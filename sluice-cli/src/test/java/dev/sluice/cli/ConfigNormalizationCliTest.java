package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.AirbyteControl;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spec.config_normalization_rules} and {@code check.config_overrides} through the CLI: the manifests and
 * configs are the reference's own (airbyte-python-cdk {@code unit_tests/sources/declarative/
 * test_concurrent_declarative_source.py} and {@code test_concurrent_declarative_source_config_overrides.py}); the
 * API is a local server whose request paths show which config the streams were built with.
 */
class ConfigNormalizationCliTest {

    private final MockWebServer server = new MockWebServer();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                paths.add(request.getUrl().encodedPath() + (request.getUrl().encodedQuery() == null ? ""
                        : "?" + request.getUrl().encodedQuery()));
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("[{\"id\": 1}]").build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path manifest(String check, String spec) throws Exception {
        Path manifest = dir.resolve("manifest.yaml");
        Files.writeString(manifest, """
                version: "6.44.0"
                type: DeclarativeSource
                check: %s
                streams:
                  - type: DeclarativeStream
                    name: Test
                    primary_key: id
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "%s"
                        path: "/{{ config['planet'] }}"
                        request_parameters:
                          population: "{{ config.get('population', 'unknown') }}"
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: []}
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                spec:
                %s
                """.formatted(check, server.url("/").toString().replaceAll("/$", ""), spec.indent(2)));
        return manifest;
    }

    private static final String CHECK = "{type: CheckStream, stream_names: [Test]}";

    /** The reference's migration example; the spec only admits the migrated value, so the order is visible too. */
    private static final String MIGRATING_SPEC = """
            type: Spec
            connection_specification:
              type: object
              required: [planet]
              properties:
                planet: {type: string, enum: [Coruscant, Tatooine]}
            config_normalization_rules:
              type: ConfigNormalizationRules
              config_migrations:
                - type: ConfigMigration
                  description: Test migration
                  transformations:
                    - type: ConfigRemapField
                      map: {CRSC: Coruscant}
                      field_path: [planet]
            """;

    private Path config(String json) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, json);
        return config;
    }

    private static List<AirbyteControl> controls(CliRun run) {
        return run.output().messages().stream().filter(AirbyteControl.class::isInstance)
                .map(AirbyteControl.class::cast).toList();
    }

    // test_given_unmigrated_config_when_migrating_then_config_is_migrated
    @Test
    void aMigratedConfigIsEmittedAndWrittenBackBeforeTheSpecCheck() throws Exception {
        Path manifest = manifest(CHECK, MIGRATING_SPEC);
        Path config = config("{\"planet\": \"CRSC\", \"api_note\": \"kept\"}");

        CliRun check = CliRun.of("check", "--manifest", manifest.toString(), "--config", config.toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.output().connectionStatus()).map(ConnectionStatus::status)
                .contains(ConnectionStatus.Status.SUCCEEDED);
        List<AirbyteControl> controls = controls(check);
        assertThat(controls).hasSize(1);
        assertThat(controls.get(0).type()).isEqualTo("CONNECTOR_CONFIG");
        JsonNode migrated = Json.parse("{\"planet\": \"Coruscant\", \"api_note\": \"kept\"}");
        assertThat(controls.get(0).connectorConfig().config()).isEqualTo(migrated);
        assertThat(Json.read(config)).isEqualTo(migrated);
        assertThat(paths).containsExactly("/Coruscant?population=unknown");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("manifest.yaml", "config.json");
    }

    // test_given_already_migrated_config_no_control_message_is_emitted
    @Test
    void anAlreadyMigratedConfigIsNeitherEmittedNorRewritten() throws Exception {
        Path manifest = manifest(CHECK, MIGRATING_SPEC);
        String text = "{\"planet\":   \"Coruscant\"}";
        Path config = config(text);

        CliRun discover = CliRun.of("discover", "--manifest", manifest.toString(), "--config", config.toString());

        assertThat(discover.exitCode()).isZero();
        assertThat(controls(discover)).isEmpty();
        assertThat(Files.readString(config)).isEqualTo(text);
    }

    // test_given_transformations_config_is_transformed: in memory only, never persisted
    @Test
    void transformationsApplyInMemoryOnly() throws Exception {
        Path manifest = manifest(CHECK, """
                type: Spec
                connection_specification: {}
                config_normalization_rules:
                  type: ConfigNormalizationRules
                  transformations:
                    - type: ConfigAddFields
                      fields:
                        - type: AddedFieldDefinition
                          path: [population]
                          value: "{{ config['planet'] }}"
                    - type: ConfigRemapField
                      map: {CRSC: Coruscant}
                      field_path: [planet]
                    - type: ConfigRemapField
                      map: {CRSC: 3000000000000}
                      field_path: [population]
                """);
        String text = "{\"planet\": \"CRSC\"}";
        Path config = config(text);
        Path catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, """
                {"streams": [{"stream": {"name": "Test", "json_schema": {}, "supported_sync_modes": ["full_refresh"]},
                  "sync_mode": "full_refresh", "destination_sync_mode": "overwrite"}]}""");

        CliRun read = CliRun.of("read", "--manifest", manifest.toString(), "--config", config.toString(),
                "--catalog", catalog.toString());

        assertThat(read.exitCode()).isZero();
        assertThat(read.output().records("Test")).hasSize(1);
        // The reference's expected config: {"planet": "Coruscant", "population": 3_000_000_000_000}.
        assertThat(paths).containsExactly("/Coruscant?population=3000000000000");
        assertThat(controls(read)).isEmpty();
        assertThat(Files.readString(config)).isEqualTo(text);
    }

    private static final String VALIDATING_SPEC = """
            type: Spec
            connection_specification: {}
            config_normalization_rules:
              type: ConfigNormalizationRules
              validations:
                - type: DpathValidator
                  field_path: [schema_to_validate]
                  validation_strategy:
                    type: ValidateAdheresToSchema
                    base_schema:
                      $schema: "http://json-schema.org/draft-07/schema#"
                      title: Test Spec
                      type: object
                      properties: {planet: {type: string}}
                      required: [planet]
                      additionalProperties: false
            """;

    // test_given_invalid_config_streams_validates_config_and_raises
    @Test
    void aFailedValidationIsAConfigErrorNamingTheRule() throws Exception {
        Path manifest = manifest(CHECK, VALIDATING_SPEC);
        Path config = config("{\"planet\": \"Tatooine\", \"schema_to_validate\": {\"will_fail\": \"Coruscant\"}}");

        CliRun discover = CliRun.of("discover", "--manifest", manifest.toString(), "--config", config.toString());
        CliRun check = CliRun.of("check", "--manifest", manifest.toString(), "--config", config.toString());

        assertThat(discover.exitCode()).isEqualTo(1);
        assertThat(discover.output().catalog()).isEmpty();
        assertThat(discover.output().errors()).singleElement().satisfies(error -> {
            assertThat(error.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
            assertThat(error.message()).contains("validation rule DpathValidator [schema_to_validate]")
                    .contains("/spec/config_normalization_rules/validations/0, line ")
                    .contains("'planet' is a required property");
        });
        assertThat(check.output().connectionStatus()).hasValueSatisfying(status -> {
            assertThat(status.status()).isEqualTo(ConnectionStatus.Status.FAILED);
            assertThat(status.message()).contains("DpathValidator");
        });
        assertThat(paths).isEmpty();
    }

    // test_given_valid_config_streams_validates_config_and_does_not_raise
    @Test
    void aValidConfigPasses() throws Exception {
        Path manifest = manifest(CHECK, VALIDATING_SPEC);
        Path config = config("{\"planet\": \"Tatooine\", \"schema_to_validate\": {\"planet\": \"Coruscant\"}}");

        CliRun discover = CliRun.of("discover", "--manifest", manifest.toString(), "--config", config.toString());

        assertThat(discover.exitCode()).isZero();
        assertThat(discover.output().catalog()).isPresent();
    }

    // test_given_config_overrides_when_check_then_components_built_during_check_see_them, and
    // ..._then_config_validations_run_against_the_user_config
    @Test
    void checkOverridesApplyToTheCheckOnlyAndAreNotValidated() throws Exception {
        Path manifest = manifest("""
                {type: CheckStream, stream_names: [Test], config_overrides: {planet: check-only, schema_to_validate: {x: 1}}}""",
                VALIDATING_SPEC);
        Path config = config("{\"planet\": \"sync\", \"schema_to_validate\": {\"planet\": \"Coruscant\"}}");

        CliRun check = CliRun.of("check", "--manifest", manifest.toString(), "--config", config.toString());
        CliRun discover = CliRun.of("discover", "--manifest", manifest.toString(), "--config", config.toString());

        assertThat(check.output().connectionStatus()).map(ConnectionStatus::status)
                .contains(ConnectionStatus.Status.SUCCEEDED);
        assertThat(discover.exitCode()).isZero();
        assertThat(paths).containsExactly("/check-only?population=unknown");
        assertThat(check.output().logs()).anyMatch(log -> log.message()
                .contains("Overriding config keys for the check operation: planet, schema_to_validate"));
        assertThat(controls(check)).isEmpty();
    }

    // test_given_an_airbyte_reserved_override_key_then_the_manifest_is_rejected
    @Test
    void aReservedOverrideKeyIsASystemError() throws Exception {
        Path manifest = manifest("""
                {type: CheckStream, stream_names: [Test], config_overrides: {__airbyte_check_stream_names: [other]}}""",
                "{type: Spec, connection_specification: {}}");
        Path config = config("{\"planet\": \"sync\"}");

        CliRun check = CliRun.of("check", "--manifest", manifest.toString(), "--config", config.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.output().errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
            assertThat(error.message()).contains("__airbyte_check_stream_names");
        });
        assertThat(paths).isEmpty();
    }
}

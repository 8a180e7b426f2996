package dev.sluice.declarative.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules through a manifest-loaded {@link DeclarativeSource}: when they run, what is reported, what is refused. */
class ConfigNormalizationSourceTest {

    private static String manifest(String check, String spec) {
        return """
                version: "6.44.0"
                type: DeclarativeSource
                check: %s
                streams:
                  - type: DeclarativeStream
                    name: Test
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "http://127.0.0.1:9"
                        path: "/{{ config['planet'] }}"
                        authenticator:
                          type: OAuthAuthenticator
                          token_refresh_endpoint: "http://127.0.0.1:9/token"
                          client_id: id
                          client_secret: secret
                          refresh_token: "{{ config['refresh_token'] }}"
                          refresh_token_updater: {}
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: []}
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                spec:
                %s
                """.formatted(check, spec.indent(2));
    }

    private static final String CHECK = "{type: CheckStream, stream_names: [Test]}";

    private static final String MIGRATION = """
            type: Spec
            connection_specification:
              type: object
              properties:
                refresh_token: {type: string, airbyte_secret: true}
            config_normalization_rules:
              type: ConfigNormalizationRules
              config_migrations:
                - type: ConfigMigration
                  transformations:
                    - {type: ConfigRemapField, map: {CRSC: Coruscant}, field_path: [planet]}
                    - {type: ConfigAddFields, fields: [{path: [migrated], value: "{{ True }}"}]}
              transformations:
                - {type: ConfigAddFields, fields: [{path: [derived], value: "{{ config.planet | lower }}"}]}
            """;

    @Test
    void configureMigratesReportsThenTransformsAndIsIdempotentInARun() {
        List<ObjectNode> migrated = new ArrayList<>();
        DeclarativeSource source = ManifestSources.fromYaml(manifest(CHECK, MIGRATION)).withConfigUpdates(
                new dev.sluice.source.ConfigUpdateListener() {
                    @Override
                    public void configUpdated(ObjectNode newConfig) {
                        throw new AssertionError("a migration is reported as such");
                    }

                    @Override
                    public void configMigrated(ObjectNode migratedConfig) {
                        migrated.add(migratedConfig);
                    }
                });
        Config user = Config.of(Components.json("{\"planet\": \"CRSC\"}"));
        try (RunContext run = RunContext.named("test")) {
            Config configured = source.configure(user, run);

            assertThat(configured.json()).isEqualTo(Components.json(
                    "{\"planet\": \"Coruscant\", \"migrated\": true, \"derived\": \"coruscant\"}"));
            // The persisted config is the migrated one, without the in-memory transformations.
            assertThat(migrated).containsExactly(Components.object("{\"planet\": \"Coruscant\", \"migrated\": true}"));
            assertThat(source.configure(configured, run)).isSameAs(configured);
            source.streams(configured, run);
            assertThat(migrated).hasSize(1);
        }
        // A caller that never configures (Kafka Connect builds streams directly) still gets the rules applied.
        try (RunContext run = RunContext.named("direct")) {
            source.streams(user, run);
            assertThat(migrated).hasSize(2);
        }
        // An empty config is left alone, as in the reference.
        try (RunContext run = RunContext.named("empty")) {
            assertThat(source.configure(Config.empty(), run).json().isEmpty()).isTrue();
            assertThat(migrated).hasSize(2);
        }
    }

    @Test
    void anUnknownRuleTypeIsRefusedWithItsPathAndLine() {
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest(CHECK, """
                type: Spec
                connection_specification: {}
                config_normalization_rules:
                  type: ConfigNormalizationRules
                  validations:
                    - type: JsonSchemaValidator
                      field_path: [a]
                """))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("spec.config_normalization_rules.validations[0]: unknown type 'JsonSchemaValidator'")
                .hasMessageContaining("line 30");
        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest(CHECK, """
                type: Spec
                connection_specification: {}
                config_normalization_rules:
                  type: ConfigNormalizationRules
                  migrations: []
                """))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("spec.config_normalization_rules")
                .hasMessageContaining("migrations");
    }

    // test_concurrent_declarative_source_config_overrides.py:
    // test_given_refresh_token_updater_when_config_overrides_then_manifest_is_rejected
    @Test
    void overridesAreRefusedWhenAnAuthenticatorWritesTheConfigBack() {
        DeclarativeSource source = ManifestSources.fromYaml(manifest(
                "{type: CheckStream, stream_names: [Test], config_overrides: {planet: check-only}}", MIGRATION));
        try (RunContext run = RunContext.named("test")) {
            assertThatThrownBy(() -> source.check(Config.of(Components.json("{\"planet\": \"Coruscant\"}")), run))
                    .isInstanceOfSatisfying(ConnectorException.class, e ->
                            assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR))
                    .hasMessageContaining("refresh_token_updater");
        }
    }

    // _register_override_secrets: an override at a secret property is masked like the user's own value
    @Test
    void overrideValuesAtSecretPropertiesAreMasked() {
        String withoutUpdater = manifest("{type: CheckStream, stream_names: [Missing], "
                + "config_overrides: {refresh_token: s3cr3t-override}}", MIGRATION)
                .replace("refresh_token_updater: {}", "");
        DeclarativeSource source = ManifestSources.fromYaml(withoutUpdater);
        try (RunContext run = RunContext.named("test")) {
            assertThatThrownBy(() -> source.check(Config.of(Components.json("{\"planet\": \"Coruscant\"}")), run))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("Missing");
            assertThat(run.secrets().masker().mask("token s3cr3t-override")).doesNotContain("s3cr3t-override");
        }
    }
}

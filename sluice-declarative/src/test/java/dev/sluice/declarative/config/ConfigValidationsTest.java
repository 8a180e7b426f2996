package dev.sluice.declarative.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.SpecLocation;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference's validator tests (airbyte-python-cdk {@code unit_tests/sources/declarative/validators/}
 * {@code test_dpath_validator.py}, {@code test_predicate_validator.py}, {@code test_validate_adheres_to_schema.py}).
 */
class ConfigValidationsTest {

    /** The reference's {@code MockValidationStrategy}: records what it was given, fails when told to. */
    private static final class RecordingStrategy implements ValidationStrategy {
        final List<JsonNode> validated = new ArrayList<>();
        final boolean fail;

        RecordingStrategy(boolean fail) {
            this.fail = fail;
        }

        @Override
        public void validate(JsonNode value) {
            validated.add(value);
            if (fail) {
                throw new ConfigException("Invalid email format");
            }
        }
    }

    private static DpathValidator dpath(RecordingStrategy strategy, String... path) {
        List<InterpolatedString> segments = new ArrayList<>();
        for (String segment : path) {
            segments.add(InterpolatedString.of(segment, Json.object()));
        }
        return new DpathValidator(segments, strategy, new ValidationRule("DpathValidator", SpecLocation.UNKNOWN));
    }

    private static Config config(String json) {
        return Config.of(Components.json(json));
    }

    // test_dpath_validator.py: test_given_valid_path_and_input_validate_is_successful (and the top-level variant)
    @Test
    void dpathValidatorGivesTheValueAtItsPath() {
        RecordingStrategy strategy = new RecordingStrategy(false);
        Config data = config("{\"user\": {\"profile\": {\"email\": \"test@example.com\", \"name\": \"Test User\"}}}");
        dpath(strategy, "user", "profile", "email").validate(data);
        dpath(strategy, "user").validate(data);
        assertThat(strategy.validated).containsExactly(Components.json("\"test@example.com\""),
                data.json().get("user"));
    }

    // test_given_strategy_fails_when_validate_then_raise_value_error
    @Test
    void dpathValidatorFailsWithTheStrategy() {
        RecordingStrategy strategy = new RecordingStrategy(true);
        assertThatThrownBy(() -> dpath(strategy, "user", "email").validate(config("{\"user\": {\"email\": \"invalid-email\"}}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DpathValidator")
                .hasMessageContaining("Invalid email format");
        assertThat(strategy.validated).containsExactly(Components.json("\"invalid-email\""));
    }

    // test_path_with_wildcard_when_validate_then_validate_is_successful
    @Test
    void dpathValidatorGivesEveryValueAStarMatches() {
        RecordingStrategy strategy = new RecordingStrategy(false);
        dpath(strategy, "users", "*", "email").validate(config("{\"users\": {\"user1\": {\"email\": "
                + "\"user1@example.com\", \"name\": \"User One\"}, \"user2\": {\"email\": \"user2@example.com\"}}}"));
        assertThat(strategy.validated).extracting(JsonNode::asText)
                .containsExactly("user1@example.com", "user2@example.com");
    }

    // test_given_no_values_when_validate_then_validate_is_not_called; a missing plain path is skipped as well
    @Test
    void dpathValidatorSkipsMissingValues() {
        RecordingStrategy strategy = new RecordingStrategy(true);
        dpath(strategy, "users", "*", "email").validate(config("{\"users\": {}}"));
        dpath(strategy, "users", "*", "email").validate(config("{}"));
        dpath(strategy, "users", "*", "email").validate(config("{\"users\": [{\"name\": \"Octavia\"}]}"));
        dpath(strategy, "user", "email").validate(config("{\"users\": 1}"));
        assertThat(strategy.validated).isEmpty();
    }

    // test_given_empty_path_list_when_validate_then_validate_raises_exception: refused when the manifest loads
    @Test
    void dpathValidatorRefusesAnEmptyPath() {
        assertThatThrownBy(() -> Components.bind("""
                type: DpathValidator
                field_path: []
                validation_strategy: {type: ValidateAdheresToSchema, base_schema: {}}
                """, ConfigValidationSpec.class)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("field_path is empty");
    }

    // test_predicate_validator.py: the three cases, through a manifest
    @Test
    void predicateValidatorJudgesItsValueAsWritten() {
        ConfigValidation valid = Components.bind("""
                type: PredicateValidator
                value: {user: {email: test@example.com, name: Test User}}
                validation_strategy:
                  type: ValidateAdheresToSchema
                  base_schema: {type: object, required: [user]}
                """, ConfigValidationSpec.class).build(Components.context());
        valid.validate(Config.empty());
        ConfigValidation invalid = Components.bind("""
                type: PredicateValidator
                value: invalid-email
                validation_strategy:
                  type: ValidateAdheresToSchema
                  base_schema: {type: string, pattern: "@"}
                """, ConfigValidationSpec.class).build(Components.context());
        // A string is read as JSON first (test_given_json_string_when_validate_then_succeeds), so this one fails.
        assertThatThrownBy(() -> invalid.validate(Config.empty())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("PredicateValidator").hasMessageContaining("Invalid JSON string: invalid-email");
    }

    private static final String PERSON = """
            type: object
            required: [id, name]
            properties:
              id: {type: integer}
              name: {type: string}
              email: {type: string, format: email}
              age: {type: integer, minimum: 0}
            """;

    private static ValidationStrategy schema(String yaml) {
        return ValidateAdheresToSchema.of((com.fasterxml.jackson.databind.node.ObjectNode)
                Components.bind("type: ValidateAdheresToSchema\nbase_schema:\n" + yaml.indent(2),
                        ValidateAdheresToSchemaSpec.class).baseSchema());
    }

    // test_validate_adheres_to_schema.py: valid input, missing required field, incorrect type
    @Test
    void adheresToSchemaWordsProblemsAsTheReference() {
        ValidationStrategy strategy = schema(PERSON);
        strategy.validate(Components.json("{\"id\": 1, \"name\": \"John Doe\", \"email\": \"john@example.com\", \"age\": 30}"));
        assertThatThrownBy(() -> strategy.validate(Components.json("{\"id\": 1, \"email\": \"john@example.com\"}")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("JSON schema validation error: 'name' is a required property");
        assertThatThrownBy(() -> strategy.validate(Components.json("{\"id\": \"one\", \"name\": \"John Doe\"}")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("JSON schema validation error: 'one' is not of type 'integer'");
    }

    // test_given_null_value_when_validate_then_succeeds_if_nullable, test_given_empty_schema_..., json string
    @Test
    void adheresToSchemaAcceptsNullableEmptyAndJsonText() {
        ValidationStrategy nullable = schema("""
                type: object
                required: [id, name]
                properties:
                  id: {type: integer}
                  name: {type: string}
                  optional_field: {type: [string, "null"]}
                """);
        nullable.validate(Components.json("{\"id\": 1, \"name\": \"Test User\", \"optional_field\": null}"));
        nullable.validate(Components.json("{\"id\": 1, \"name\": \"Test User\"}"));
        schema("{}").validate(Components.json("{\"complex\": \"object\"}"));
        schema("{type: object, properties: {id: {type: integer}, name: {type: string}}}")
                .validate(Components.json("\"{\\\"id\\\": 1, \\\"name\\\": \\\"John Doe\\\"}\""));
    }

    @Test
    void aBaseSchemaGivenAsTextIsRefusedWithItsPathAndLine() {
        assertThatThrownBy(() -> Components.bind("""
                type: DpathValidator
                field_path: [a]
                validation_strategy:
                  type: ValidateAdheresToSchema
                  base_schema: '{"type": "object"}'
                """, ConfigValidationSpec.class)).isInstanceOf(ManifestException.class)
                .hasMessage("validation_strategy.base_schema: expected a mapping, found a string (line 5)");
    }

    @Test
    void aFailedRuleIsAConfigErrorNamingTheRule() {
        ConfigException failure = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() ->
                dpath(new RecordingStrategy(true), "user").validate(config("{\"user\": 1}")));
        assertThat(((ConnectorException) failure).failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(failure.userMessage()).startsWith("The config fails the manifest's validation rule DpathValidator");
    }
}

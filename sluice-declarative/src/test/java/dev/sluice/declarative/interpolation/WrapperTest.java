package dev.sluice.declarative.interpolation;

import static dev.sluice.declarative.interpolation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.source.ConnectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** interpolation.md §2.1: InterpolatedBoolean, InterpolatedString, InterpolatedMapping, InterpolatedNestedMapping. */
class WrapperTest {

    private static final String BOOLEAN_CONFIG = """
            {"parent": {"key_with_true": true}, "string_key": "compare_me", "zero_value": 0, "empty_array": [],
             "non_empty_array": [1], "empty_dict": {}, "empty_tuple": []}""";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {{ config['parent']['key_with_true'] }}                | true
            {{ config['string_key'] == "compare_me" }}             | true
            {{ config['string_key'] == "witness_me" }}             | false
            {{ config['string_key'] }}                             | true
            {{ config['zero_value'] }}                             | false
            {{ config['empty_array'] }}                            | false
            {{ config['empty_dict'] }}                             | false
            {{ config['empty_tuple'] }}                            | false
            {{ "false" }}                                          | false
            {{ False }}                                            | false
            {{ True }}                                             | true
            {{ 1 in config['non_empty_array'] }}                   | true
            {{ 2 in config['non_empty_array'] }}                   | false
            {{ parameters['from_parameters'] == "come_find_me" }}  | true
            {{ config.get('missing') }}                            | true
            {{ config['missing'] }}                                | false
            {{ 0.0 }}                                              | false
            {{ '0' }}                                              | false
            {{ '()' }}                                             | false
            {{ () }}                                               | false
            {{ 'x' }}                                              | true
            """)
    void booleanConditions(String condition, boolean expected) {
        InterpolatedBoolean interpolated = InterpolatedBoolean.of(condition, json("{\"from_parameters\": \"come_find_me\"}"));
        assertThat(interpolated.eval(Fixtures.context(BOOLEAN_CONFIG))).isEqualTo(expected);
    }

    @Test
    void literalBooleanConditionIsReturnedAsIs() {
        assertThat(InterpolatedBoolean.of(true).eval(Fixtures.context("{}"))).isTrue();
        assertThat(InterpolatedBoolean.of(false).eval(Fixtures.context("{}"))).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HELLO WORLD                | HELLO WORLD
            {{ parameters['hello'] }}  | world
            {{ config['field'] }}      | value
            {{ kwargs['c'] }}          | airbyte
            """)
    void strings(String text, String expected) {
        InterpolatedString string = InterpolatedString.of(text, json("{\"hello\": \"world\"}"));
        InterpolationContext context = Fixtures.context("{\"field\": \"value\"}").with("kwargs", json("{\"c\": \"airbyte\"}"));
        assertThat(string.eval(context)).isEqualTo(TextNode.valueOf(expected));
    }

    @Test
    void emptyRenderOfAnInterpolatedStringIsTheEmptyString() {
        InterpolatedString string = InterpolatedString.of("{{ config['missing'] }}", json("{}"));
        assertThat(string.eval(Fixtures.context("{}"))).isEqualTo(TextNode.valueOf(""));
        assertThat(InterpolatedString.of("", json("{}")).eval(Fixtures.context("{}"))).isEqualTo(TextNode.valueOf(""));
    }

    @Test
    void explicitDefaultIsUsedForAnEmptyRender() {
        InterpolatedString string = InterpolatedString.of("{{ config['missing'] }}", json("{}"), "{{ 5 }}");
        assertThat(string.eval(Fixtures.context("{}"))).isEqualTo(json("5"));
    }

    @Test
    void plainStringsAreLiteralCastToo() {
        assertThat(InterpolatedString.of("123", json("{}")).eval(Fixtures.context("{}"))).isEqualTo(json("123"));
        assertThat(InterpolatedString.of("'quoted'", json("{}")).evalString(Fixtures.context("{}"))).isEqualTo("quoted");
    }

    @Test
    void undefinedInsideAnInterpolatedStringFailsBecauseItsDefaultFailsToo() {
        InterpolatedString string = InterpolatedString.of("{{ config['a']['b'] }}", json("{}"));
        assertThatThrownBy(() -> string.eval(Fixtures.context("{}"))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("has no attribute 'a'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{{ record['some_calculation'] | float if record.get('some_calculation') is not none"
                + " and record.get('some_calculation') != '' else none }}",
        "{% set v = record.get('some_calculation') %}\n{{ v | float if v is not none and v != '' else none }}",
    })
    void floatParsingTemplate(String template) {
        String[][] table = {
            {"\"4.4\"", "4.4"}, {"4.4", "4.4"}, {"\"\"", null}, {"null", null}, {"\"0.0\"", "0.0"}, {"\"0.00\"", "0.0"},
            {"0.0", "0.0"},
        };
        for (String[] row : table) {
            InterpolationContext context = Fixtures.context("{}").with("record", json("{\"some_calculation\": " + row[0] + "}"));
            JsonNode result = InterpolatedString.of(template, json("{}")).eval(context);
            if (row[1] == null) {
                assertThat(result).as(row[0]).isEqualTo(json("null"));
            } else {
                assertThat(result).as(row[0]).isEqualTo(json(row[1]));
            }
        }
    }

    @Test
    void mapping() {
        InterpolatedMapping mapping = InterpolatedMapping.of(json("""
                {"field": "value", "number": 100, "{{ parameters.k }}": "VALUE", "x": "{{ config['c'] }}"}"""),
                json("{\"k\": \"key\"}"));
        assertThat(mapping.eval(Fixtures.context("{\"c\": \"VALUE_FROM_CONFIG\"}")))
                .isEqualTo(json("{\"field\": \"value\", \"number\": 100, \"key\": \"VALUE\", \"x\": \"VALUE_FROM_CONFIG\"}"));
    }

    @Test
    void mappingKeysAreStringsByDefaultAndFullyCastForHeaders() {
        InterpolatedMapping mapping = InterpolatedMapping.of(json("{\"{{ 7 }}\": \"{{ 5 }}\"}"), json("{}"));
        InterpolationContext context = Fixtures.context("{}");
        assertThat(mapping.eval(context)).isEqualTo(json("{\"7\": 5}"));
        assertThat(mapping.eval(context, LiteralTypes.ANY, LiteralTypes.ANY)).isEqualTo(json("{\"7\": 5}"));
        assertThat(mapping.eval(context, LiteralTypes.STRING, LiteralTypes.STRING_OR_LIST)).isEqualTo(json("{\"7\": \"5\"}"));
        InterpolatedMapping none = InterpolatedMapping.of(json("{\"k\": \"{{ None }}\"}"), json("{}"));
        assertThat(none.eval(context, LiteralTypes.STRING, LiteralTypes.STRING_OR_LIST)).isEqualTo(json("{\"k\": \"None\"}"));
    }

    @Test
    void nestedMapping() {
        InterpolatedNestedMapping nested = InterpolatedNestedMapping.of(json("""
                {"value": "{{ config['num_value'] | int + 2 }}", "flag": "{{ True }}", "dropped": "{{ config['missing'] }}",
                 "none": "{{ None }}", "list": ["{{ config['missing'] }}", "{{ 1 }}", 3], "{{ parameters.k }}": {"in": "x"}}"""),
                json("{\"k\": \"key\"}"));
        assertThat(nested.eval(Fixtures.context("{\"num_value\": 3}"))).isEqualTo(json("""
                {"value": 5, "flag": true, "list": [null, 1, 3], "key": {"in": "x"}}"""));
    }
}

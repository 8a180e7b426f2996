package dev.sluice.declarative.interpolation;

import static dev.sluice.declarative.interpolation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** interpolation.md §2: the rendered text is read as a Python literal; its type decides the result. */
class LiteralTypingTest {

    /** The value is passed through {@code {{ config['v'] }}} so that the test covers the whole path. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            123                  | 123
            +5                   | 5
            -5                   | -5
            1_000                | 1000
            0x1F                 | 31
            0o17                 | 15
            0b11                 | 3
            1.5                  | 1.5
            1e5                  | 100000.0
            3.0                  | 3.0
            True                 | true
            False                | false
            None                 | null
            true                 | "true"
            null                 | "null"
            abc                  | "abc"
            2022-11-1            | "2022-11-1"
            2022-01-01           | "2022-01-01"
            007                  | "007"
            `""`                 | ""
            `''`                 | ""
            `[1, 2]`             | [1,2]
            `{'a': 1}`           | {"a":1}
            `{"a": 1}`           | {"a":1}
            'abc'                | "abc"
            `"abc"`              | "abc"
            `1,2`                | [1,2]
            `(1, 2)`             | [1,2]
            `{1, 2}`             | [1,2]
            9173710294242221J    | "9173710294242221J"
            1+2j                 | "1+2j"
            ` 42`                | 42
            `42 `                | 42
            `{1: 'a', (2, 3): [None]}` | {"1":"a","(2, 3)":[null]}
            `{{1}, 2}`           | "{{1}, 2}"
            `--5`                | "--5"
            `-(5)`               | -5
            `'a' 'b'`            | "ab"
            `b'x'`               | "b'x'"
            `f'x'`               | "f'x'"
            `set()`              | []
            1646006400.0         | 1646006400.0
            `42 # comment`       | 42
            `1e400`              | "1e400"
            """)
    void readsRenderedTextAsAPythonLiteral(String rendered, String expectedJson) {
        InterpolationContext context = Fixtures.context("{}").with("v", TextNode.valueOf(rendered));
        JsonNode expected = json(expectedJson);
        JsonNode actual = Fixtures.eval("{{ v }}", context);
        if (rendered.equals("1e400")) {
            // Python reads 1e400 as float('inf'); JSON has no infinity, so Jackson keeps the double.
            assertThat(actual.doubleValue()).isInfinite();
            return;
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void onlySpacesStayText() {
        InterpolationContext context = Fixtures.context("{}").with("v", TextNode.valueOf("   "));
        assertThat(Fixtures.eval("{{ v }}", context)).isEqualTo(TextNode.valueOf("   "));
    }

    @Test
    void emptyRenderIsNullNotText() {
        assertThat(Fixtures.eval("{{ '' }}", Fixtures.context("{}"))).isNull();
        assertThat(Fixtures.eval("{{ config['missing'] }}", Fixtures.context("{}"))).isNull();
    }

    @Test
    void configStringsThatLookLikeNumbersBecomeNumbers() {
        assertThat(Fixtures.eval("{{ config['id'] }}", Fixtures.context("{\"id\": \"123\"}"))).isEqualTo(json("123"));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {{ 5 }}          | STRING_OR_LIST | "5"
            {{ True }}       | STRING_OR_LIST | "True"
            {{ None }}       | STRING_OR_LIST | "None"
            {{ {'a': 1} }}   | STRING_OR_LIST | "{'a': 1}"
            {{ [1, 2] }}     | STRING_OR_LIST | [1,2]
            {{ (1, 2) }}     | STRING_OR_LIST | "(1, 2)"
            {{ 'x' }}        | STRING_OR_LIST | "x"
            {{ 7 }}          | STRING         | "7"
            {{ 1 }}          | STRING         | "1"
            {{ 1 }}          | NUMBER         | "1"
            {{ 1.5 }}        | NUMBER         | 1.5
            {{ 1 }}          | BOOLEAN        | "1"
            {{ True }}       | BOOLEAN        | true
            {{ True }}       | INTEGER        | true
            {{ 3 }}          | INTEGER        | 3
            {{ 3.0 }}        | INTEGER        | "3.0"
            {{ '1+2j' }}     | ANY            | "1+2j"
            """)
    void keepsTheTextWhenTheLiteralHasAnotherType(String template, LiteralTypes types, String expectedJson) {
        assertThat(Template.compile(template).eval(Fixtures.context("{}"), types)).isEqualTo(json(expectedJson));
    }
}

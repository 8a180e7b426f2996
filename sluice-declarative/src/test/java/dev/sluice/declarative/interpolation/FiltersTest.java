package dev.sluice.declarative.interpolation;

import static dev.sluice.declarative.interpolation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.source.ConnectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** interpolation.md §5: the CDK's filters, plus the Jinja filters manifests use. */
class FiltersTest {

    private static final InterpolationContext CONTEXT = Fixtures.context("""
            {"secret": "Test client_secret", "items": [{"id": 1, "rel": "next", "href": "h1"}, {"id": 2, "rel": "prev"}],
             "header": "<https://this-is-test-link.com/?page=2>; rel=\\"next\\""}""");

    static Object[][] rendered() {
        return new Object[][] {
            {"{{ config.secret | hash }}", "3032d57a12f76b61a820e47b9a5a0cbb"},
            {"{{ config.secret | hash('md5') }}", "3032d57a12f76b61a820e47b9a5a0cbb"},
            {"{{ config.secret | hash('md5', salt='salt') }}", "5011a0168579c2d94cbbe1c6ad14327c"},
            {"{{ 123.456 | hash('md5') }}", "b316df1d65ee42ff51a5393df1f86105"},
            {"{{ 'x' | hash('sha256') }}", "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"},
            {"{{ config.secret | base64encode }}", "VGVzdCBjbGllbnRfc2VjcmV0"},
            {"{{ 'YWlyYnl0ZQ==' | base64decode }}", "airbyte"},
            {"{{ 'cGFzc3dvcmQ=' | base64decode }}", "password"},
            {"{{ 'aW5wdXRfc3RyaW5n' | base64decode }}", "input_string"},
            {"{{ 'ZmFrZSByZWZyZXNoX3Rva2VuIHZhbHVl' | base64decode }}", "fake refresh_token value"},
            {"{{ 'abc' | base64binascii_decode }}", "YWJj"},
            {"{{ 'message' | hmac('key') }}", "6e9ef29b75fffc5b7abae527d58fdadb2fe42e7219011976917343065f58ed4a"},
            {"{{ config.header | regex_search('<(.*)>; rel=.*') }}", "https://this-is-test-link.com/?page=2"},
            {"{{ 'hello world' | regex_replace('world', 'there') }}", "hello there"},
            {"{{ 'abc123def456' | regex_replace('[0-9]+', '') }}", "abcdef"},
            {"{{ 'hello' | regex_replace('x', 'y') }}", "hello"},
            {"{{ 'aaa bbb aaa' | regex_replace('aaa', 'ccc') }}", "ccc bbb ccc"},
            {"{{ 'john smith' | regex_replace('(\\\\w+) (\\\\w+)', '\\\\2 \\\\1') }}", "smith john"},
            {"{{ 'ab' | regex_replace('(?P<first_letter>a)', '[\\\\g<first_letter>]') }}", "[a]b"},
            {"{{ config['items'] | map(attribute='id') | list }}", "[1, 2]"},
            {"{{ config['items'] | selectattr('rel', 'equalto', 'next') | map(attribute='href') | first }}", "h1"},
            {"{{ config['items'] | length }}", "2"},
            {"{{ [3, 1, 2] | sort | join(',') }}", "1,2,3"},
            {"{{ ' x ' | trim }}", "x"},
            {"{{ 'a,b' | replace(',', ';') | upper }}", "A;B"},
            {"{{ {'b': 1, 'a': 'x<'} | tojson }}", "{\"a\": \"x\\u003c\", \"b\": 1}"},
            {"{{ 'a b/c' | urlencode }}", "a%20b/c"},
            {"{{ 2.5 | round }}{{ 2.675 | round(2) }}", "2.02.67"},
            {"{{ config.missing | default('d') }}", "d"},
            {"{{ True | lower }}", "true"},
        };
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rendered")
    void renders(String template, String expected) {
        assertThat(Fixtures.render(template, CONTEXT)).isEqualTo(expected);
    }

    static Object[][] stringFilter() {
        return new Object[][] {
            {"{{ 1 | string }}", "\"1\""},
            {"{{ 1.52 | string }}", "\"1.52\""},
            {"{{ True | string }}", "\"true\""},
            {"{{ False | string }}", "\"false\""},
            {"{{ None | string }}", "\"null\""},
            {"{{ ['hello', 'world'] | string }}", "\"[\\\"hello\\\", \\\"world\\\"]\""},
            {"{{ {'hello': 'world'} | string }}", "\"{\\\"hello\\\": \\\"world\\\"}\""},
            {"{{ '5' | string }}", "5"},
        };
    }

    /** The CDK's {@code string} wraps JSON in triple quotes so that literal_eval yields a string. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("stringFilter")
    void stringFilterKeepsValuesAsText(String template, String expectedJson) {
        assertThat(Fixtures.eval(template, CONTEXT)).isEqualTo(json(expectedJson));
    }

    @Test
    void stringFilterOnlyWorksWhenItIsTheWholeRender() {
        assertThat(Fixtures.render("x{{ 1 | string }}", CONTEXT)).isEqualTo("x\"\"\"1\"\"\"");
    }

    @Test
    void regexSearchWithoutGroupOrMatchEvaluatesToNull() {
        assertThat(Fixtures.eval("{{ 'abc' | regex_search('b') }}", CONTEXT)).isNull();
        assertThat(Fixtures.eval("{{ 'abc' | regex_search('x(y)') }}", CONTEXT)).isNull();
    }

    @Test
    void unknownHashAndHmacTypesFail() {
        assertThatThrownBy(() -> Fixtures.render("{{ 'x' | hash('nope') }}", CONTEXT))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("No hashing function named nope");
        assertThatThrownBy(() -> Fixtures.render("{{ 'x' | hmac('k', 'md5') }}", CONTEXT))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("not allowed");
    }

    @Test
    void unknownTestNamedInSelectattrFailsWhenItRuns() {
        // A real manifest writes selectattr('contains', 'rel=next'): 'rel=next' is taken as the test name.
        assertThatThrownBy(() -> Fixtures.render(
                "{{ 'a,b'.split(',') | map('trim') | selectattr('contains', 'rel=next') | list }}", CONTEXT))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("No test named 'rel=next'");
    }
}

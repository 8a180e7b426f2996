package dev.sluice.declarative.interpolation;

import static dev.sluice.declarative.interpolation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** interpolation.md §1, §2 and §6: evaluation rules, undefined values, free variables, rendering. */
class EvaluationTest {

    private static final InterpolationContext CONTEXT = Fixtures.context("{\"date\": \"2022-01-01\", \"n\": 5}")
            .with("records", json("[{\"date\": \"2021-01-01\"}]"))
            .with("stream_slice", json("{\"date\": \"2020-01-01\", \"k\": \"v\"}"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {{ config['date'] }}             | "2022-01-01"
            {{ config['missing'] }}          |
            {{ stream_slice['date'] }}       | "2020-01-01"
            {{ stream_slice['missing'] }}    |
            {{ records[0]['date'] }}         | "2021-01-01"
            {{1}}                            | 1
            {{[1,2]}}                        | [1,2]
            `{{ {1:2} }}`                    | {"1":2}
            {{ 1+2 }}                        | 3
            {{ stream_partition['k'] }}      | "v"
            {{ stream_interval['k'] }}       | "v"
            {{ config['date'] ~ 'x' }}       | "2022-01-01x"
            {{ config['n'] / 2 }}            | 2.5
            {{ 'x' if config['n'] > 9 }}     |
            """)
    void evaluatesLikeJinjaInterpolation(String template, String expectedJson) {
        assertThat(Fixtures.eval(template, CONTEXT)).isEqualTo(expectedJson == null ? null : json(expectedJson));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {{ True }}, {{ False }}, {{ None }}                | `True, False, None`
            {{ ['a', 'b'] }}                                  | `['a', 'b']`
            {{ {'a': 1} }}                                    | `{'a': 1}`
            {{ 1646006400.0 }}                                | 1646006400.0
            {{ now_utc() }}                                   | 2021-09-01 00:00:00+00:00
            {{ now_utc().replace(microsecond=123456) }}       | 2021-09-01 00:00:00.123456+00:00
            {{ today_utc() }}                                 | 2021-09-01
            {{ duration('P1D') }}                             | `1 day, 0:00:00`
            {{ true }}/{{ none }}/{{ false }}                 | True/None/False
            {{ 1e16 }} {{ 1e-5 }} {{ 0.1 + 0.2 }}             | 1e+16 1e-05 0.30000000000000004
            """)
    void rendersWithPythonStr(String template, String expected) {
        assertThat(Fixtures.render(template, CONTEXT)).isEqualTo(expected);
    }

    @Test
    void statements() {
        assertThat(Fixtures.render("{% if config.n > 3 %}big{% elif config.n > 1 %}mid{% else %}small{% endif %}",
                CONTEXT)).isEqualTo("big");
        assertThat(Fixtures.render("{% for r in records %}{{ loop.index }}{{ loop.first }}{{ loop.last }}"
                + "{{ r.date }}{% endfor %}", CONTEXT)).isEqualTo("1TrueTrue2021-01-01");
        assertThat(Fixtures.render("{% set x = config.n * 2 %}{{ x }}", CONTEXT)).isEqualTo("10");
        assertThat(Fixtures.render("a  {%- if true -%}  b  {%- endif -%}  c{# gone #}\n", CONTEXT)).isEqualTo("abc");
        assertThat(Fixtures.render("{% raw %}{{ kept }}{% endraw %}", CONTEXT)).isEqualTo("{{ kept }}");
        assertThat(Fixtures.render("line\r\nnext\n", CONTEXT)).isEqualTo("line\nnext");
    }

    @Test
    void undeclaredVariableIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Fixtures.eval("{{ nope['x'] }}", CONTEXT)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("undeclared variables: {'nope'}");
        assertThat(Template.compile("{% set a = 1 %}{% for b in c %}{{ a }}{{ b }}{{ loop.index }}{% endfor %}{{ d }}")
                .freeVariables()).isEqualTo(Set.of("c", "d"));
        assertThat(Template.compile("{{ now_utc() }}{{ max(1, 2) }}{{ self.name }}").freeVariables()).isEmpty();
    }

    @Test
    void missingKeysAttributesAndIndexesRenderEmpty() {
        assertThat(Fixtures.render("[{{ config.missing }}{{ config['missing'] }}{{ records[9] }}]", CONTEXT))
                .isEqualTo("[]");
    }

    @Test
    void usingAnUndefinedValueGivesTheDefault() {
        assertThat(Fixtures.eval("{{ config['missing']['deeper'] }}", CONTEXT)).isNull();
        assertThatThrownBy(() -> Fixtures.render("{{ config['missing'] + 1 }}", CONTEXT))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("has no attribute 'missing'");
    }

    @Test
    void aTypeErrorRendersTheTemplateText() {
        assertThat(Fixtures.eval("{{ config['n'] + 'x' }}", CONTEXT)).isEqualTo(json("\"{{ config['n'] + 'x' }}\""));
    }

    @Test
    void otherPythonErrorsFail() {
        assertThatThrownBy(() -> Fixtures.eval("{{ 1 / 0 }}", CONTEXT)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR));
    }

    @Test
    void streamStateFailsAtEvaluationNotAtCompile() {
        Template template = Template.compile("{{ stream_state['updated_at'] }}");
        assertThatThrownBy(() -> template.eval(CONTEXT, LiteralTypes.ANY)).isInstanceOfSatisfying(ConnectorException.class,
                e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
                    assertThat(e.userMessage()).contains("stream_interval");
                });
    }

    @Test
    void literalTemplates() {
        Template template = Template.compile("plain/path");
        assertThat(template.isLiteral()).isTrue();
        assertThat(template.render(CONTEXT)).isEqualTo("plain/path");
        assertThat(Template.compile("{{ x }}").isLiteral()).isFalse();
        assertThat(Template.compile("{# c #}").isLiteral()).isFalse();
    }

    @Test
    void compiledTemplatesAreShared() {
        assertThat(Template.compile("{{ config.n }}")).isSameAs(Template.compile("{{ config.n }}"));
    }

    @Test
    void perRecordEvaluationReadsJsonWithoutCopying() {
        Template template = Template.compile("{{ record['a'] ~ '-' ~ record['b'] }}");
        InterpolationContext base = Fixtures.context("{}");
        for (int i = 0; i < 1_000; i++) {
            InterpolationContext perRecord = base.with("record", json("{\"a\": " + i + ", \"b\": \"x\"}"));
            assertThat(template.eval(perRecord, LiteralTypes.ANY).asText()).isEqualTo(i + "-x");
        }
    }
}

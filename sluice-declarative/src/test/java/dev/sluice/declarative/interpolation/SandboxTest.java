package dev.sluice.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** divergences.md §7: templates reach no Java method, class, field or reflection, and cannot exhaust resources. */
class SandboxTest {

    private static final InterpolationContext CONTEXT = Fixtures.context("{\"s\": \"x\", \"l\": [1, 2]}");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{{ ''.getClass() }}",
        "{{ config.getClass().forName('java.lang.Runtime') }}",
        "{{ config.s.getBytes() }}",
        "{{ config.toString() }}",
        "{{ config.hashCode() }}",
        "{{ config.l.append(3) }}",
        "{{ config.pop('s') }}",
        "{{ now_utc().toInstant() }}",
        "{{ (config.s).wait() }}",
        "{{ config | attr('__class__') | nothing }}",
        "{{ lipsum() }}",
        "{{ namespace(a=1) }}",
        "{% import 'x' as y %}",
        "{% include 'other' %}",
        "{% macro m() %}{% endmacro %}",
        "{{ f(*args) }}",
    })
    void rejectsAtCompileTime(String template) {
        assertThatThrownBy(() -> Template.compile(template)).isInstanceOf(ManifestException.class)
                .satisfies(e -> assertThat(((ManifestException) e).path()).isEmpty());
    }

    @Test
    void compileErrorsNameTheProblem() {
        assertThatThrownBy(() -> Template.compile("{{ ''.getClass() }}")).hasMessageContaining("method 'getClass'");
        assertThatThrownBy(() -> Template.compile("{{ x | nope }}")).hasMessageContaining("No filter named 'nope'");
        assertThatThrownBy(() -> Template.compile("{{ x is nope }}")).hasMessageContaining("No test named 'nope'");
        assertThatThrownBy(() -> Template.compile("{{ import os) }}")).isInstanceOf(ManifestException.class);
        assertThatThrownBy(() -> Template.compile("{{ [x for x in y] }}")).hasMessageContaining("comprehension");
    }

    @Test
    void compileErrorsCanBeLocatedByTheCaller() {
        ManifestException error = org.junit.jupiter.api.Assertions.assertThrows(ManifestException.class,
                () -> Template.compile("{{ ''.getClass() }}"));
        assertThat(error.at("streams[0].retriever.requester.path", 12).getMessage())
                .startsWith("streams[0].retriever.requester.path: ").endsWith("(line 12)");
    }

    @Test
    void methodsReadAsAttributesAreInertValues() {
        assertThat(Fixtures.render("{{ config.keys }}", CONTEXT)).isEqualTo("<built-in method keys of dict object>");
        assertThat(Fixtures.render("{{ config.missing }}", CONTEXT)).isEmpty();
    }

    @Test
    @Timeout(5)
    void hugeStringsFailFast() {
        assertThatThrownBy(() -> Fixtures.render("{{ 'a' * 10**9 }}", CONTEXT)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("resource limit")
                .satisfies(e -> assertThat(((ConnectorException) e).failureType()).isEqualTo(FailureType.SYSTEM_ERROR));
        assertThatThrownBy(() -> Fixtures.render("{{ [1] * 10**9 }}", CONTEXT)).hasMessageContaining("resource limit");
        assertThatThrownBy(() -> Fixtures.render("{{ '%2000000000s' % 'x' }}", CONTEXT))
                .hasMessageContaining("resource limit");
        assertThatThrownBy(() -> Fixtures.render("{{ 'x'.center(2000000000) }}", CONTEXT))
                .hasMessageContaining("resource limit");
        assertThatThrownBy(() -> Fixtures.render("{{ '{:>2000000000}'.format('x') }}", CONTEXT))
                .hasMessageContaining("resource limit");
    }

    @Test
    @Timeout(5)
    void hugeIntsFailFast() {
        assertThatThrownBy(() -> Fixtures.render("{{ 10 ** 100000000 }}", CONTEXT)).hasMessageContaining("4300 digits");
        assertThat(Fixtures.render("{{ 2 ** 100 }}", CONTEXT)).isEqualTo("1267650600228229401496703205376");
    }

    @Test
    @Timeout(10)
    void loopIterationsAreCapped() {
        InterpolationContext context = CONTEXT.with("big", Fixtures.json(bigArray(2_000)));
        assertThatThrownBy(() -> Fixtures.render(
                "{% for a in big %}{% for b in big %}{% endfor %}{% endfor %}", context))
                .hasMessageContaining("loop iterations");
    }

    @Test
    @Timeout(5)
    void deepNestingIsACompileError() {
        String deep = "{{ " + "(".repeat(500) + "1" + ")".repeat(500) + " }}";
        assertThatThrownBy(() -> Template.compile(deep)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("nested");
    }

    @Test
    @Timeout(10)
    void catastrophicRegexBacktrackingFails() {
        InterpolationContext context = CONTEXT.with("v", com.fasterxml.jackson.databind.node.TextNode.valueOf(
                "a".repeat(40) + "b"));
        assertThatThrownBy(() -> Fixtures.render("{{ v | regex_search('^(.*a){20}$') }}", context))
                .hasMessageContaining("regular expression");
    }

    private static String bigArray(int size) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            json.append(i > 0 ? "," : "").append(i);
        }
        return json.append(']').toString();
    }
}

package dev.sluice.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names starting with {@code _}. The reference renders with Jinja2's {@code SandboxedEnvironment}, whose
 * {@code getattr} tries Python's {@code getattr(obj, name)} first and, when that raises {@code AttributeError}
 * (any key of a dict), the item {@code obj[name]}; a real attribute starting with {@code _} is refused with
 * {@code unsafe_undefined}, whose use raises {@code SecurityError} (jinja2/sandbox.py; checked with Jinja2 3.1:
 * {@code {{ r._links.self }}} gives {@code S} for {@code r = {'_links': {'self': 'S'}}}, {@code {{ r.__class__ }}}
 * renders empty and {@code {{ r.__class__.x }}} raises SecurityError). Nothing is refused at compile time.
 */
class UnderscoreNamesTest {

    private static final InterpolationContext CONTEXT = Fixtures.context("{}").with("record", Fixtures.json("""
            {"_links": {"self": {"href": "/a/1"}}, "_embedded": {"items": [1, 2]}, "__dict__": "data",
             "__class__": "shadowed", "_id": 7}"""));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {{ record._links.self.href }}                 | /a/1
            {{ record._embedded['items'][1] }}            | 2
            {{ record._id + 1 }}                          | 8
            {{ record.__dict__ }}                         | data
            {{ '{0._links[self][href]}'.format(record) }} | /a/1
            {{ record.__class__ }}                        | ''
            {{ record._missing }}                         | ''
            {{ record._id.__class__ }}                    | ''
            {{ record['_id'] }}                           | 7
            """)
    void dataKeysAreReadAndHostAttributesAreUndefined(String template, String expected) {
        assertThat(Fixtures.render(template, CONTEXT)).isEqualTo(expected);
    }

    @Test
    void usingARefusedAttributeRaisesSecurityErrorNotUndefinedError() {
        Template template = Template.compile("{{ record.__class__.mro }}");

        assertThat(template.isLiteral()).isFalse();
        assertThatThrownBy(() -> template.eval(CONTEXT, LiteralTypes.ANY))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR))
                .hasMessageContaining("SecurityError")
                .hasMessageContaining("'__class__'");
    }

    @Test
    void templatesWithUnderscoreNamesCompile() {
        assertThat(Template.compile("{{ x._private }}").freeVariables()).containsExactly("x");
        assertThat(Template.compile("{{ x.__class__ }}").freeVariables()).containsExactly("x");
    }
}

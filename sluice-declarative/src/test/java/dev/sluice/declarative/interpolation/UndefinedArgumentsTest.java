package dev.sluice.declarative.interpolation;

import static dev.sluice.declarative.interpolation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.source.ConnectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Macros called with an undefined argument ({@code config.missing}). The expectations follow the reference's
 * interpolation/macros.py read with Jinja2's {@code Undefined} (checked with Jinja2 3.1 and dateutil 2.9):
 * {@code str_to_datetime} calls dateutil's {@code isoparse}, whose first step ({@code getattr(s, 'read', ...)})
 * raises {@code UndefinedError}; {@code timestamp} and {@code format_datetime} without {@code input_format} go
 * through it; {@code max}/{@code min} compare, which raises; {@code pytz.timezone} calls {@code zone.upper()}.
 * {@code datetime.strptime}, {@code timedelta(days=...)}, {@code quote_plus}, {@code re.sub} and isodate's
 * {@code parse_duration} raise {@code TypeError} instead, which interpolation/jinja.py's {@code _eval} turns into
 * the template's own text.
 */
class UndefinedArgumentsTest {

    private static final InterpolationContext CONTEXT = Fixtures.context("{\"start\": \"2024-01-02\"}");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{{ format_datetime(config.missing, '%Y-%m-%d') }}",
        "{{ format_datetime(config['missing'], '%s') }}",
        "{{ format_datetime(config.missing, '%Y', input_format=config.missing) }}",
        "{{ str_to_datetime(config.missing) }}",
        "{{ timestamp(config.missing) }}",
        "{{ max(config.missing, 1) }}",
        "{{ min(1, config.missing) }}",
        "{{ max([config.start, config.missing]) }}",
        "{{ today_with_timezone(config.missing) }}"})
    void raiseAnUndefinedErrorSoTheDefaultIsUsed(String template) {
        assertThat(Template.compile(template).renderOrUndefined(CONTEXT)).isNull();
        assertThat(InterpolatedString.of(template, json("{}"), "fallback").eval(CONTEXT).textValue())
                .isEqualTo("fallback");
        // InterpolatedString's own default is its text, which raises again (interpolated_string.py).
        assertThatThrownBy(() -> InterpolatedString.of(template, json("{}")).eval(CONTEXT))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("undefined value");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{{ format_datetime(config.missing, '%Y', '%Y-%m-%d') }}",
        "{{ format_datetime(config.missing, '%Y', input_format='%Y-%m-%d') }}",
        "{{ duration(config.missing) }}",
        "{{ day_delta(config.missing) }}",
        "{{ sanitize_url(config.missing) }}",
        "{{ camel_case_to_snake_case(config.missing) }}"})
    void raiseATypeErrorSoTheResultIsTheTemplateText(String template) {
        JsonNode value = Fixtures.eval(template, CONTEXT);

        assertThat(value.textValue()).isEqualTo(template);
    }

    /**
     * InterpolatedMapping evaluates values with the default None (interpolated_mapping.py), so the request option
     * is left out instead of failing: request_input_provider.py drops None values.
     */
    @Test
    void aMappingValueWithAnUndefinedArgumentIsNone() {
        InterpolatedMapping mapping = InterpolatedMapping.of(json("{\"since\": \"{{ format_datetime(config.missing,"
                + " '%Y-%m-%d') }}\", \"from\": \"{{ format_datetime(config.start, '%Y/%m/%d') }}\"}"), json("{}"));

        ObjectNode values = mapping.eval(CONTEXT);

        assertThat(values.get("since").isNull()).isTrue();
        assertThat(values.get("from").textValue()).isEqualTo("2024/01/02");
    }

    @Test
    void anEmptyInputFormatIsNoInputFormat() {
        // format_datetime tests `if input_format`, so '' reads the string as ISO-8601.
        assertThat(Fixtures.render("{{ format_datetime(config.start, '%d.%m.%Y', '') }}", CONTEXT))
                .isEqualTo("02.01.2024");
    }
}

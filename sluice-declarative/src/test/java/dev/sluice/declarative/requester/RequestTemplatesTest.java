package dev.sluice.declarative.requester;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.RequestOptionApplier;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.protocol.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference's {@code test_interpolated_request_options_provider.py}: how parameters, JSON bodies and form
 * bodies are rendered and typed. As in the reference test, {@code next_page_token} is the mapping
 * {@code {"offset": 12345, "page": 27}}.
 */
class RequestTemplatesTest {

    private static final JsonNode NO_PARAMETERS = Json.object();

    private static InterpolationContext context() {
        return Components.context("{\"option\": \"OPTION\"}").interpolation()
                .with("stream_slice", Components.json("{\"start_date\": \"2020-01-01\"}"))
                .with("next_page_token", Components.json("{\"offset\": 12345, \"page\": 27}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "static | {\"a_static_request_param\": \"a_static_value\"} | {\"a_static_request_param\": \"a_static_value\"}",
        "stream interval | {\"read_from_stream_interval\": \"{{ stream_interval['start_date'] }}\"}"
                + " | {\"read_from_stream_interval\": \"2020-01-01\"}",
        "stream slice | {\"read_from_slice\": \"{{ stream_slice['start_date'] }}\"} | {\"read_from_slice\": \"2020-01-01\"}",
        "next page token stays text | {\"read_from_token\": \"{{ next_page_token['offset'] }}\"} | {\"read_from_token\": \"12345\"}",
        "config | {\"read_from_config\": \"{{ config['option'] }}\"} | {\"read_from_config\": \"OPTION\"}",
        "interpolated key | {\"{{ stream_interval['start_date'] }} - {{stream_slice['start_date']}} - {{next_page_token['offset']}}"
                + " - {{config['option']}}\": \"ABC\"} | {\"2020-01-01 - 2020-01-01 - 12345 - OPTION\": \"ABC\"}",
        "False | {\"boolean_false\": \"{{ False }}\"} | {\"boolean_false\": \"False\"}",
        "0 | {\"integer_falsy\": \"{{ 0 }}\"} | {\"integer_falsy\": \"0\"}",
        "0.0 | {\"number_falsy\": \"{{ 0.0 }}\"} | {\"number_falsy\": \"0.0\"}",
        "empty string dropped | {\"string_falsy\": \"{{ '' }}\"} | {}",
        "None kept as text | {\"none_value\": \"{{ None }}\"} | {\"none_value\": \"None\"}",
        "list | {\"k\": \"[1,2]\"} | {\"k\": [1, 2]}",
    })
    void requestParameters(String name, String template, String expected) {
        RequestOptions options = RequestTemplates.compile(Components.json(template), null, null, null, NO_PARAMETERS)
                .render(context());

        JsonAssertions.assertJson(Json.MAPPER.valueToTree(options.parameters()), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "static | {\"a_static_request_param\": \"a_static_value\"} | {\"a_static_request_param\": \"a_static_value\"}",
        "stream slice | {\"read_from_slice\": \"{{ stream_slice['start_date'] }}\"} | {\"read_from_slice\": \"2020-01-01\"}",
        "next page token is cast | {\"read_from_token\": \"{{ next_page_token['offset'] }}\"} | {\"read_from_token\": 12345}",
        "config | {\"read_from_config\": \"{{ config['option'] }}\"} | {\"read_from_config\": \"OPTION\"}",
        "interpolated keys | {\"{{ stream_interval['start_date'] }}\": 123, \"{{ config['option'] }}\": \"ABC\"}"
                + " | {\"2020-01-01\": 123, \"OPTION\": \"ABC\"}",
        "False | {\"boolean_false\": \"{{ False }}\"} | {\"boolean_false\": false}",
        "0 | {\"integer_falsy\": \"{{ 0 }}\"} | {\"integer_falsy\": 0}",
        "0.0 | {\"number_falsy\": \"{{ 0.0 }}\"} | {\"number_falsy\": 0.0}",
        "empty string dropped | {\"string_falsy\": \"{{ '' }}\"} | {}",
        "None dropped | {\"none_value\": \"{{ None }}\"} | {}",
        "one template string | \"{\\\"nested\\\": { \\\"key\\\": \\\"{{ config['option'] }}\\\" }}\" | {\"nested\": {\"key\": \"OPTION\"}}",
        "nested objects | {\"nested\": {\"key\": \"{{ config['option'] }}\"}} | {\"nested\": {\"key\": \"OPTION\"}}",
        "nested interpolated keys | {\"nested\": {\"{{ stream_interval['start_date'] }}\": \"{{ config['option'] }}\"}}"
                + " | {\"nested\": {\"2020-01-01\": \"OPTION\"}}",
        "GraphQL | {\"query\": \"query { {{ config['option'] }} }\", \"variables\": {\"startDate\": \"{{ stream_interval['start_date'] }}\"}}"
                + " | {\"query\": \"query { OPTION }\", \"variables\": {\"startDate\": \"2020-01-01\"}}",
    })
    void requestBodyJson(String name, String template, String expected) {
        RequestOptions options = RequestTemplates.compile(null, null, Components.json(template), null, NO_PARAMETERS)
                .render(context());

        JsonAssertions.assertJson(options.bodyJson(), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "static | {\"a_static_request_param\": \"a_static_value\"} | a_static_request_param=a_static_value",
        "stream slice | {\"read_from_slice\": \"{{ stream_slice['start_date'] }}\"} | read_from_slice=2020-01-01",
        "config | {\"read_from_config\": \"{{ config['option'] }}\"} | read_from_config=OPTION",
        "empty | {} | ''",
        "interpolated keys | {\"{{ stream_interval['start_date'] }} - {{ next_page_token['offset'] }}\": \"ABC\"}"
                + " | 2020-01-01+-+12345=ABC",
        "list repeats the field | {\"k\": \"[1,2]\"} | k=1&k=2",
    })
    void requestBodyData(String name, String template, String expected) {
        RequestTemplates templates = RequestTemplates.compile(null, null, null, Components.json(template), NO_PARAMETERS);

        org.assertj.core.api.Assertions.assertThat(RequestOptionApplier.repeatedFormBody(templates.formFields(context())))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain text | plain text body content | plain text body content",
        "interpolated | interpolate_me=5&option={{ config['option'] }} | interpolate_me=5&option=OPTION",
    })
    void requestBodyText(String name, String template, String expected) {
        RequestTemplates templates = RequestTemplates.compile(null, null, null, Json.nodes().textNode(template),
                NO_PARAMETERS);

        org.assertj.core.api.Assertions.assertThat(templates.rawBody(context())).isEqualTo(expected);
    }
}

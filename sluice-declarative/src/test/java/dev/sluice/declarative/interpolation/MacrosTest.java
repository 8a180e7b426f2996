package dev.sluice.declarative.interpolation;

import static dev.sluice.declarative.interpolation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.source.ConnectorException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** interpolation.md §4: every macro, with the clock frozen at 2021-09-01T00:00:00Z. */
class MacrosTest {

    private static final InterpolationContext CONTEXT = Fixtures.context("{\"start\": \"2022-01-01T01:01:01Z\"}");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {{ now_utc() }}                                        | 2021-09-01 00:00:00+00:00
            {{ now_utc().strftime('%Y-%m-%d') }}                   | 2021-09-01
            {{ today_utc() }}                                      | 2021-09-01
            {{ today_utc().strftime('%Y/%m/%d') }}                 | 2021/09/01
            {{ max(2, 3) }}                                        | 3
            {{ max([2, 3]) }}                                      | 3
            {{ min(2, 3) }}                                        | 2
            {{ min([4, 2, 3]) }}                                   | 2
            {{ max('2021-01-01', '2020-12-31') }}                  | 2021-01-01
            {{ day_delta(1) }}                                     | 2021-09-02T00:00:00.000000+0000
            {{ day_delta(-1) }}                                    | 2021-08-31T00:00:00.000000+0000
            {{ day_delta(-1, format='%Y-%m-%d') }}                 | 2021-08-31
            {{ duration('P1D') }}                                  | `1 day, 0:00:00`
            {{ duration('P6DT23H') }}                              | `6 days, 23:00:00`
            {{ (now_utc() - duration('P1D')).strftime('%Y-%m-%dT%H:%M:%SZ') }} | 2021-08-31T00:00:00Z
            {{ now_utc() - duration('P1M') }}                      | 2021-08-01 00:00:00+00:00
            {{ str_to_datetime('2022-01-14') }}                    | 2022-01-14 00:00:00+00:00
            {{ str_to_datetime('2022-01-01 13:45:30') }}           | 2022-01-01 13:45:30+00:00
            {{ str_to_datetime('2022-01-01T13:45:30+05:30') }}     | 2022-01-01 08:15:30+00:00
            {{ str_to_datetime('2022-01-01T13:45:30.123456Z') }}   | 2022-01-01 13:45:30.123456+00:00
            {{ sanitize_url('https://example.com/path?query=value') }} | https%3A%2F%2Fexample.com%2Fpath%3Fquery%3Dvalue
            {{ sanitize_url('hello world') }}                      | hello+world
            {{ sanitize_url('https://example.com/path?query=value&other=123+456#fragment') }} | https%3A%2F%2Fexample.com%2Fpath%3Fquery%3Dvalue%26other%3D123%2B456%23fragment
            {{ camel_case_to_snake_case('CamelCase') }}            | camel_case
            {{ camel_case_to_snake_case('snake_case') }}           | snake_case
            {{ camel_case_to_snake_case('CamelCasesnake_case') }}  | camel_casesnake_case
            {{ camel_case_to_snake_case('CamelCase_snake_case') }} | camel_case_snake_case
            """)
    void rendersMacros(String template, String expected) {
        assertThat(Fixtures.render(template, CONTEXT)).isEqualTo(expected);
    }

    @Test
    void dayDeltaWithFormatFromAnotherDay() {
        Clock january = Clock.fixed(Instant.parse("2021-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(Fixtures.render("{{ day_delta(25, format='%Y-%m-%d') }}", CONTEXT.withClock(january)))
                .isEqualTo("2021-01-26");
    }

    @Test
    void todayWithTimezoneUsesTheZonesDate() {
        Clock noon = Clock.fixed(Instant.parse("2021-09-01T12:00:00Z"), ZoneOffset.UTC);
        assertThat(Fixtures.render("{{ today_with_timezone('Pacific/Kiritimati') }}", CONTEXT.withClock(noon)))
                .isEqualTo("2021-09-02");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {{ timestamp(1646006400) }}                   | 1646006400
            {{ timestamp(100.9) }}                        | 100
            {{ timestamp('2022-02-28') }}                 | 1646006400.0
            {{ timestamp('2022-02-28T00:00:00Z') }}       | 1646006400.0
            {{ timestamp('2022-02-28 00:00:00Z') }}       | 1646006400.0
            {{ timestamp('2022-02-28T00:00:00-08:00') }}  | 1646035200.0
            {{ timestamp('2022-02-28T10:11:12') }}        | 1646043072.0
            {{ timestamp('2021-05-19') }}                 | 1621382400.0
            {{ timestamp('2017-01-01T00:00:00.0Z') }}     | 1483228800.0
            """)
    void timestampIsIntForNumbersAndFloatForStrings(String template, String expected) {
        assertThat(Fixtures.render(template, CONTEXT)).isEqualTo(expected);
        assertThat(Fixtures.eval(template, CONTEXT)).isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            '2022-01-01T01:01:01Z'            | %Y-%m-%d            |                           | 2022-01-01
            '2022-01-01'                      | %Y-%m-%d            |                           | 2022-01-01
            '2022-01-01T01:01:01Z'            | %Y-%m-%dT%H:%M:%SZ  |                           | 2022-01-01T01:01:01Z
            '2022-01-01T01:01:01-0800'        | %Y-%m-%dT%H:%M:%SZ  |                           | 2022-01-01T09:01:01Z
            now_utc().replace(year=2022, month=1, day=1, hour=1, minute=1, second=1, tzinfo=None) | %Y-%m-%dT%H:%M:%SZ | | 2022-01-01T01:01:01Z
            'Sat, 01 Jan 2022 01:01:01 +0000' | %Y-%m-%d            | %a, %d %b %Y %H:%M:%S %z  | 2022-01-01
            '2022-01-01T01:01:01Z'            | %s                  | %Y-%m-%dT%H:%M:%SZ        | 1640998861
            '2022-01-01T01:01:01Z'            | %epoch_microseconds | %Y-%m-%dT%H:%M:%SZ        | 1640998861000000
            1683729087                        | %Y-%m-%dT%H:%M:%SZ  |                           | 2023-05-10T14:31:27Z
            1640998861000000                  | %Y-%m-%dT%H:%M:%SZ  | %epoch_microseconds       | 2022-01-01T01:01:01Z
            1640998861000                     | %Y-%m-%dT%H:%M:%SZ  | %ms                       | 2022-01-01T01:01:01Z
            '2022-01-01T01:01:01+0100'        | %Y-%m-%dT%H:%M:%S.%f%z |                        | 2022-01-01T00:01:01.000000+0000
            '2022-01-01T01:01:01'             | %Y-%m-%dT%H:%M:%S.%f%z |                        | 2022-01-01T01:01:01.000000+0000
            '2020-10-01T00:00:00Z'            | %s                  |                           | 1601510400
            now_utc()                         | %Y %z               |                           | 2021 +0000
            now_utc().replace(tzinfo=None)    | %Y[%z]              |                           | 2021[]
            '2022-01-01T01:01:01.123456Z'     | %Y-%m-%dT%H:%M:%S.%_msZ |                       | 2022-01-01T01:01:01.123Z
            '2022-01-01T01:01:01.5Z'          | %s_as_float         |                           | 1640998861.5
            '2022-01-01T01:01:01Z'            | %ms                 |                           | 1640998861000
            """)
    void formatDatetime(String input, String format, String inputFormat, String expected) {
        String arguments = input + ", '" + format + "'" + (inputFormat == null ? "" : ", '" + inputFormat + "'");
        assertThat(Fixtures.render("{{ format_datetime(" + arguments + ") }}", CONTEXT)).isEqualTo(expected);
    }

    @Test
    void formatDatetimeRejectsFloats() {
        assertThatThrownBy(() -> Fixtures.render("{{ format_datetime(1.5, '%Y') }}", CONTEXT))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("format_datetime");
    }

    @Test
    void strToDatetimeRejectsGarbage() {
        assertThatThrownBy(() -> Fixtures.render("{{ str_to_datetime('invalid-date') }}", CONTEXT))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("invalid-date");
    }

    @Test
    void generateUuidGivesDistinctVersion4Uuids() {
        String first = Fixtures.render("{{ generate_uuid() }}", CONTEXT);
        String second = Fixtures.render("{{ generate_uuid() }}", CONTEXT);
        assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void keywordArgumentsFollowThePythonSignatures() {
        assertThat(Fixtures.render("{{ format_datetime(dt='2022-01-01', format='%d/%m/%Y') }}", CONTEXT))
                .isEqualTo("01/01/2022");
        assertThat(Fixtures.render("{{ max(2, 3, key=1) }}", CONTEXT)).as("TypeError renders the template text")
                .isEqualTo("{{ max(2, 3, key=1) }}");
    }

    @Test
    void rangeIsNotAvailable() {
        assertThatThrownBy(() -> Fixtures.render("{% for i in range(3) %}{{ i }}{% endfor %}", CONTEXT))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("undeclared variables: {'range'}");
    }
}

package dev.sluice.declarative.datetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** incremental.md §2: the CDK's datetime formats, including the epoch specials. */
class DatetimeFormatTest {

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource(delimiterString = "=>", textBlock = """
            2021-01-01T00:00:00Z => %Y-%m-%dT%H:%M:%S.%f%z => 2021-01-01T00:00:00.000000+0000
            2021-01-01T00:00:00Z => %ms => 1609459200000
            2021-01-01T00:00:00Z => %s => 1609459200
            2023-06-08T10:09:23.123456Z => %s_as_float => 1686218963.123456
            2023-06-08T10:09:23Z => %s_as_float => 1686218963.0
            2022-01-01T01:01:01Z => %epoch_microseconds => 1640998861000000
            2022-01-01T01:01:01.123456Z => %epoch_microseconds => 1640998861123456
            2022-01-01T01:01:01.987654Z => %Y-%m-%dT%H:%M:%S.%_msZ => 2022-01-01T01:01:01.987Z
            2021-01-01T05:00:00+05:00 => %Y-%m-%dT%H:%M:%S%z => 2021-01-01T05:00:00+0500
            2021-01-01T05:00:00+05:00 => %s => 1609459200
            2021-01-01T00:00:00Z => %Z => UTC
            2021-01-01T00:00:00Z => %s %ms => 1609459200 01s
            """)
    void formats(String value, String format, String expected) {
        assertThat(DatetimeFormat.format(OffsetDateTime.parse(value), format)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            1609459200 => %s => 2021-01-01T00:00:00+00:00
            1686218963.123456 => %s_as_float => 2023-06-08T10:09:23.123456+00:00
            1609459200000 => %ms => 2021-01-01T00:00:00+00:00
            1640998861000000 => %epoch_microseconds => 2022-01-01T01:01:01+00:00
            2022-01-01T01:01:01.987Z => %Y-%m-%dT%H:%M:%S.%_ms%z => 2022-01-01T01:01:01.987000+00:00
            2021-01-01 00:00:00 => %Y-%m-%d %H:%M:%S => 2021-01-01T00:00:00+00:00
            2021-01-01T00:00:00+05:00 => %Y-%m-%dT%H:%M:%S%z => 2021-01-01T00:00:00+05:00
            """)
    void parsesToAwareValues(String text, String format, String expected) {
        PythonDateTime parsed = DatetimeFormat.parse(text, format);
        assertThat(parsed.isAware()).isTrue();
        assertThat(parsed.isoformat("T", "auto")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            abc => %s
            12.5 => %s
            2021-01-01 => %Y-%m-%dT%H:%M:%S
            """)
    void tryParseIsEmptyWhenTheFormatDoesNotFit(String text, String format) {
        assertThat(DatetimeFormat.tryParse(text, format)).isEmpty();
    }
}

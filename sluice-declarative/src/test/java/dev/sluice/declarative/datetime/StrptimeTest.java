package dev.sluice.declarative.datetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.source.ConnectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are CPython 3.11's {@code datetime.strptime(text, format).isoformat()}. */
class StrptimeTest {

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            2021-09-01T00:00:00Z => %Y-%m-%dT%H:%M:%S%z => 2021-09-01T00:00:00+00:00
            2021-09-01T00:00:00+00:00 => %Y-%m-%dT%H:%M:%S%z => 2021-09-01T00:00:00+00:00
            2021-09-01T00:00:00+0000 => %Y-%m-%dT%H:%M:%S%z => 2021-09-01T00:00:00+00:00
            2021-09-01T05:30:00+0530 => %Y-%m-%dT%H:%M:%S%z => 2021-09-01T05:30:00+05:30
            2021-09-01T00:00:00-08:00:30 => %Y-%m-%dT%H:%M:%S%z => 2021-09-01T00:00:00-08:00:30
            2021-09-01 1:2:3.5 => %Y-%m-%d %H:%M:%S.%f => 2021-09-01T01:02:03.500000
            2021-09-01    1:2:3 => %Y-%m-%d %H:%M:%S => 2021-09-01T01:02:03
            Wed, 01 Sep 2021 13:04:05 GMT => %a, %d %b %Y %H:%M:%S %Z => 2021-09-01T13:04:05
            September 1 21 01 PM => %B %d %y %I %p => 2021-09-01T13:00:00
            12 AM => %I %p => 1900-01-01T00:00:00
            2021-244 => %Y-%j => 2021-09-01T00:00:00
            2021 35 3 => %Y %U %w => 2021-09-01T00:00:00
            2021 35 3 => %Y %W %w => 2021-09-01T00:00:00
            12 => %m%d => 1900-01-02T00:00:00
            2021-W35-3 => %G-W%V-%u => 2021-09-01T00:00:00
            sep 1 2021 => %b %d %Y => 2021-09-01T00:00:00
            69 => %y => 1969-01-01T00:00:00
            68 => %y => 2068-01-01T00:00:00
            Wed Sep  1 13:04:05 2021 => %c => 2021-09-01T13:04:05
            100% => %d0%% => 1900-01-10T00:00:00
            """)
    void parses(String text, String format, String expected) {
        assertThat(Strptime.parse(text, format).isoformat("T", "auto")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            2021-09-01T00:00:00+05 => %Y-%m-%dT%H:%M:%S%z => does not match format
            2021-02-29 => %Y-%m-%d => day is out of range for month
            2021-09-01x => %Y-%m-%d => unconverted data remains: x
            1631 => %s => 's' is a bad directive
            2021 => %Y% => stray % in format
            1 => %e => 'e' is a bad directive
            2021-09-01 EST => %Y-%m-%d %Z => does not match format
            """)
    void rejectsWhatPythonRejects(String text, String format, String message) {
        assertThatThrownBy(() -> Strptime.parse(text, format)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining(message);
        assertThat(Strptime.tryParse(text, format)).isEmpty();
    }

    @Test
    void naiveWithoutOffsetAwareWithIt() {
        assertThat(Strptime.parse("2021-09-01", "%Y-%m-%d").isAware()).isFalse();
        assertThat(Strptime.parse("2021-09-01Z", "%Y-%m-%d%z").isAware()).isTrue();
    }
}

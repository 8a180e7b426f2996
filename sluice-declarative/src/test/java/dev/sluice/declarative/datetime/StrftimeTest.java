package dev.sluice.declarative.datetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are CPython 3.11 on Linux (glibc) output. */
class StrftimeTest {

    private static final PythonDateTime AWARE = PythonDateTime.of(OffsetDateTime.parse("2021-09-01T13:04:05.123456Z"));
    private static final PythonDateTime NAIVE = PythonDateTime.naive(LocalDateTime.parse("2021-01-03T00:00:00"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            %Y-%m-%dT%H:%M:%S.%f%z => 2021-09-01T13:04:05.123456+0000
            %a %A %b %B %p %I %y => Wed Wednesday Sep September PM 01 21
            %j %U %W %w %u %V %G => 244 35 35 3 3 35 2021
            %e|%-d|%_d|%k|%l => ` 1|1| 1|13| 1`
            %c|%x|%X => `Wed Sep  1 13:04:05 2021|09/01/21|13:04:05`
            %Z %z => UTC +0000
            %%|%Q|%s => %|%Q|1630501445
            %D %F %T %R %r %h %C %g => 09/01/21 2021-09-01 13:04:05 13:04 01:04:05 PM Sep 20 21
            %^a %10Y %P => WED 0000002021 pm
            trailing % => trailing %
            """)
    void formatsAwareValues(String format, String expected) {
        assertThat(Strftime.format(AWARE, format)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            %U %W %j %a => 01 00 003 Sun
            %z|%Z| => ||
            """)
    void naiveValuesHaveNoOffset(String format, String expected) {
        assertThat(Strftime.format(NAIVE, format)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            -08:00 => -0800 UTC-08:00 => 2021-09-01 00:00:00-08:00
            +05:30 => +0530 UTC+05:30 => 2021-09-01 00:00:00+05:30
            -08:00:30 => -080030 UTC-08:00:30 => 2021-09-01 00:00:00-08:00:30
            """)
    void offsets(String offset, String formatted, String str) {
        PythonDateTime value = new PythonDateTime(LocalDateTime.parse("2021-09-01T00:00:00"), ZoneOffset.of(offset));
        assertThat(Strftime.format(value, "%z %Z")).isEqualTo(formatted);
        assertThat(value.toString()).isEqualTo(str);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            %Y-%m-%d %H:%M:%S%z => 2021-09-01 00:00:00
            %Y %C %y %F => 5 0 05 5-01-01
            """)
    void datesAndSmallYears(String format, String expected) {
        LocalDate date = format.startsWith("%Y %C") ? LocalDate.of(5, 1, 1) : LocalDate.of(2021, 9, 1);
        assertThat(Strftime.format(date, format)).isEqualTo(expected);
    }
}

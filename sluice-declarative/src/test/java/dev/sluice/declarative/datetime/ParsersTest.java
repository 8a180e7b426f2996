package dev.sluice.declarative.datetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.source.ConnectorException;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ISO-8601 datetimes ({@code ab_datetime_parse}), durations ({@code isodate}), timedelta and float text. */
class ParsersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            2022-01-14 => 2022-01-14T00:00:00+00:00
            2022-01-01 13:45:30 => 2022-01-01T13:45:30+00:00
            2022-01-01T13:45:30+05:30 => 2022-01-01T13:45:30+05:30
            2022-01-01T13:45:30.123456Z => 2022-01-01T13:45:30.123456+00:00
            2022-01-01T01:01:01-0800 => 2022-01-01T01:01:01-08:00
            2017-01-01T00:00:00.0Z => 2017-01-01T00:00:00+00:00
            2022-01-01T00:00:00.1234567Z => 2022-01-01T00:00:00.123456+00:00
            2022/01/05 10:00 => 2022-01-05T10:00:00+00:00
            1646006400 => 2022-02-28T00:00:00+00:00
            1646006400.5 => 2022-02-28T00:00:00.500000+00:00
            """)
    void isoDateTimes(String text, String expected) {
        assertThat(IsoDateTimes.parse(text).isoformat("T", "auto")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            invalid-date => Could not parse datetime string
            -1 => Timestamp cannot be negative
            12345678901 => Timestamp value too large
            10:00 => Missing date part
            Sat, 01 Jan 2022 01:01:01 GMT => Missing date part
            2022-13-01 => Invalid date format
            """)
    void isoDateTimeErrors(String text, String message) {
        assertThatThrownBy(() -> IsoDateTimes.parse(text)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            P1D => 1 day, 0:00:00
            P6DT23H => 6 days, 23:00:00
            PT1H30M => 1:30:00
            P2W => 14 days, 0:00:00
            PT0.5S => 0:00:00.500000
            P1.5D => 1 day, 12:00:00
            -P1D => -1 day, 0:00:00
            PT0S => 0:00:00
            P1M => 1 month, 0:00:00
            P1Y2M3DT4H => 1 years, 2 months, 3 days, 4:00:00
            """)
    void isoDurations(String text, String expected) {
        assertThat(IsoDuration.parse(text).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            2021-01-31T00:00:00Z => P1M => 2021-02-28T00:00Z
            2020-02-29T00:00:00Z => P1Y1M => 2021-03-29T00:00Z
            2021-01-01T00:00:00Z => PT36H => 2021-01-02T12:00Z
            2021-03-01T00:00:00Z => -P1D => 2021-02-28T00:00Z
            """)
    void durationsAddLikeIsodate(String start, String duration, String expected) {
        assertThat(IsoDuration.parse(duration).addTo(OffsetDateTime.parse(start)).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            P      
            1D     
            PT     
            P1H    
            """)
    void rejectsNonDurations(String text) {
        if (text.equals("PT")) {
            assertThat(IsoDuration.parse(text).toString()).isEqualTo("0:00:00");
            return;
        }
        assertThatThrownBy(() -> IsoDuration.parse(text)).isInstanceOf(ConnectorException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            1.0 => 1.0
            1646006400.0 => 1646006400.0
            0.1 => 0.1
            1e16 => 1e+16
            1e15 => 1000000000000000.0
            0.0001 => 0.0001
            0.00001 => 1e-05
            1.5e-7 => 1.5e-07
            123456789012345680000 => 1.2345678901234568e+20
            -2.5 => -2.5
            -0.0 => -0.0
            5e-324 => 5e-324
            1.7976931348623157e308 => 1.7976931348623157e+308
            2e22 => 2e+22
            """)
    void floatsReprLikePython(double value, String expected) {
        assertThat(PythonFloat.repr(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            86400000000 => 1 day, 0:00:00
            -1000000 => -1 day, 23:59:59
            3661000005 => 1:01:01.000005
            0 => 0:00:00
            172800000000 => 2 days, 0:00:00
            """)
    void timedeltaStr(long micros, String expected) {
        assertThat(new Timedelta(micros).toString()).isEqualTo(expected);
    }
}

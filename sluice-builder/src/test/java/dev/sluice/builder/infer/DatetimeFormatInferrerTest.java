package dev.sluice.builder.infer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases of the reference's {@code unit_tests/utils/test_datetime_format_inferrer.py}. */
class DatetimeFormatInferrerTest {

    private static Map<String, String> infer(String records) throws Exception {
        DatetimeFormatInferrer inferrer = new DatetimeFormatInferrer();
        for (JsonNode record : Json.parse(records)) {
            inferrer.accumulate((ObjectNode) record);
        }
        return inferrer.formats();
    }

    @Test
    void eachFormatOfTheReferenceIsFound() throws Exception {
        assertThat(infer("[{\"d\": \"2022-01-01\", \"dt\": \"2022-01-01 12:00:00\", \"z\": \"2022-01-01T12:00:00Z\","
                + " \"s\": 1640995200, \"ms\": 1640995200000, \"dm\": \"01/02/2022 12:00\", \"ym\": \"2022-01\","
                + " \"dmy\": \"03-01-2022\"}]"))
                .containsEntry("d", "%Y-%m-%d").containsEntry("dt", "%Y-%m-%d %H:%M:%S")
                .containsEntry("z", "%Y-%m-%dT%H:%M:%SZ").containsEntry("s", "%s").containsEntry("ms", "%ms")
                .containsEntry("dm", "%d/%m/%Y %H:%M").containsEntry("ym", "%Y-%m").containsEntry("dmy", "%d-%m-%Y");
    }

    @Test
    void numbersOutsideTheTimestampRangesAndNonDatesAreNotDatetimes() throws Exception {
        assertThat(infer("[{\"small\": 12345, \"text\": \"hello\", \"float\": 1640995200.5, \"flag\": true}]"))
                .isEmpty();
    }

    @Test
    void aFieldIsDroppedWhenALaterRecordDisagreesOrLacksIt() throws Exception {
        assertThat(infer("[{\"a\": \"2022-01-01\", \"b\": \"2022-01-01\", \"c\": \"2022-01-01\"},"
                + " {\"a\": \"2022-01-02\", \"b\": \"2022-01-02 10:00:00\"}]"))
                .containsExactly(Map.entry("a", "%Y-%m-%d"));
    }

    @Test
    void noRecordsNoFormats() {
        assertThat(new DatetimeFormatInferrer().formats()).isEmpty();
    }
}

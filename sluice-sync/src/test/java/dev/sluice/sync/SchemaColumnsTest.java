package dev.sluice.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaColumnsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\": \"string\"}                                   | STRING",
        "{\"type\": [\"null\", \"string\"], \"format\": \"date-time\"} | STRING",
        "{\"type\": \"integer\"}                                  | INTEGER",
        "{\"type\": \"number\", \"airbyte_type\": \"integer\"}        | INTEGER",
        "{\"type\": [\"number\", \"null\"]}                         | NUMBER",
        "{\"type\": \"boolean\"}                                  | BOOLEAN",
        "{\"type\": \"object\", \"properties\": {}}                 | JSON",
        "{\"type\": [\"null\", \"array\"], \"items\": {}}             | JSON",
        "{\"type\": [\"string\", \"integer\"]}                      | JSON",
        "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]} | JSON",
        "{\"type\": \"null\"}                                     | JSON",
        "{}                                                     | JSON",
    })
    void typesFromPropertySchemas(String property, ColumnType expected) throws Exception {
        assertThat(SchemaColumns.typeOf(Json.parse(property))).isEqualTo(expected);
    }

    @Test
    void columnsKeepTheirNamesAndNeverCollideCaseInsensitively() throws Exception {
        List<Column> columns = SchemaColumns.of(Json.parse("{\"properties\": {\"Id\": {\"type\": \"integer\"}, "
                + "\"id\": {\"type\": \"string\"}, \"First Name\": {}, \"_airbyte_raw_id\": {}, \"" + "x".repeat(80)
                + "\": {}}}"), 63);

        assertThat(columns).extracting(Column::name).containsExactly("Id", "id_2", "First Name", "_airbyte_raw_id_2",
                "x".repeat(51) + "_" + TableNames.hash("x".repeat(80)), "_airbyte_raw_id", "_airbyte_extracted_at",
                "_airbyte_meta");
        assertThat(columns).extracting(Column::field).startsWith("Id", "id", "First Name", "_airbyte_raw_id");
    }

    @Test
    void tableNamesAreSanitisedAndLongOnesKeepAHash() {
        assertThat(TableNames.forStream("Time-Off Requests")).isEqualTo("time_off_requests");
        assertThat(TableNames.forStream("2024 sales")).isEqualTo("_2024_sales");
        assertThat(TableNames.forStream("_sluice_state")).isEqualTo("stream_sluice_state");
        String longName = TableNames.forStream("a".repeat(100));
        assertThat(longName).hasSize(TableNames.MAX_LENGTH).startsWith("a".repeat(39) + "_")
                .isNotEqualTo(TableNames.forStream("a".repeat(99)));
        assertThat(TableNames.staging("x")).isEqualTo("_sluice_tmp_x");
    }
}

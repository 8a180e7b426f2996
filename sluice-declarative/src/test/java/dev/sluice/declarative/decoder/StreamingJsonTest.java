package dev.sluice.declarative.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.RecordException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamingJsonTest {

    private static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> ids(List<ObjectNode> records) {
        return records.stream().map(record -> record.get("id").asText()).toList();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"data\": [{\"id\": 1}, {\"id\": 2}], \"next\": 3}                 | data        | 1,2 | {\"data\":[],\"next\":3}",
        "{\"result\": {\"items\": [{\"id\": \"a\"}], \"cursor\": \"c\"}}     | result.items | a  | {\"result\":{\"items\":[],\"cursor\":\"c\"}}",
        "{\"data\": {\"id\": 9}, \"meta\": {\"data\": [1]}}                  | data        | 9   | {\"data\":{},\"meta\":{\"data\":[1]}}",
        "{\"data\": {}}                                                      | data        | ''  | {\"data\":{}}",
        "{\"other\": [{\"id\": 1}]}                                          | data        | ''  | {\"other\":[{\"id\":1}]}",
        "{\"data\": null}                                                    | data        | ''  | {\"data\":null}",
        "[{\"data\": [{\"id\": 1}]}, {\"data\": [{\"id\": 2}]}]              | data        | 1,2 | {\"data\":[{\"id\":1}]}",
        "''                                                                  | data        | ''  | {}",
    })
    void extractsWhatJsonDecoderAndDpathExtractorWouldAndKeepsTheRest(String json, String path, String expectedIds,
            String skeleton) throws IOException {
        List<ObjectNode> records = new ArrayList<>();
        JsonNode document = new StreamingJson(List.of(path.split("\\."))).extract(body(json), records::add);
        assertThat(String.join(",", ids(records))).isEqualTo(expectedIds);
        assertThat(Json.write(document)).isEqualTo(skeleton);
    }

    /**
     * The reference's DpathExtractor yields every element of the list, and a non-object one then fails the stream
     * (extractors/dpath_extractor.py; sources/utils/record_helper.py raises "Unexpected type for data_or_message").
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"next\": 3, \"data\": [{\"id\": 1}, 7, {\"id\": 2}]}   | a number",
        "{\"data\": [{\"id\": 1}, null]}                         | a null",
        "{\"data\": [{\"id\": 1}, [{\"id\": 2}]]}               | a list",
        "{\"data\": \"text\"}                                     | a string",
    })
    void aValueThatIsNotAnObjectFailsNamingThePath(String json, String found) {
        List<ObjectNode> records = new ArrayList<>();
        assertThatThrownBy(() -> new StreamingJson(List.of("data")).extract(body(json), records::add))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("field_path [data] found " + found);
        assertThat(records.size()).isLessThanOrEqualTo(1);
    }

    @Test
    void aBodyThatBreaksOffIsAnIoExceptionAfterTheRecordsBeforeIt() {
        List<ObjectNode> records = new ArrayList<>();
        assertThatThrownBy(() -> new StreamingJson(List.of("data"))
                .extract(body("{\"data\": [{\"id\": 1}, {\"id\": 2}, {\"id\""), records::add))
                .isInstanceOf(IOException.class);
        assertThat(ids(records)).containsExactly("1", "2");
    }

    @Test
    void malformedJsonIsAnIoException() {
        assertThatThrownBy(() -> new StreamingJson(List.of("data")).extract(body("{\"data\": [}"), record -> { }))
                .isInstanceOf(IOException.class);
    }
}

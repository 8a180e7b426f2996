package dev.sluice.declarative.extractor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.decoder.Decoder;
import dev.sluice.declarative.decoder.DecoderSpec;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseHeaders;
import dev.sluice.protocol.Json;
import dev.sluice.source.RecordException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The reference's {@code test_dpath_extractor.py}: extraction tables, with each decoder, and record expansion. */
class DpathExtractorTest {

    private static final String CONFIG = "{\"field\": \"record_array\", \"nested\": \"items\"}";

    static ArrayNode extract(String extractorYaml, String decoderYaml, String body) {
        BuildContext context = Components.context(CONFIG);
        String yaml = "type: DpathExtractor\n$parameters: {parameters_field: record_array}\n" + extractorYaml;
        RecordExtractor extractor = Components.bind(yaml, ExtractorSpec.class).build(context);
        Decoder decoder = Components.bind(decoderYaml, DecoderSpec.class).build(context);
        HttpResponse response = new HttpResponse(HttpRequest.get(URI.create("https://api.example.com")), 200,
                ResponseHeaders.of(Map.of()), body.getBytes(StandardCharsets.UTF_8));
        ArrayNode records = Json.nodes().arrayNode();
        for (JsonNode document : decoder.decode(response)) {
            extractor.extract(document, records::add);
        }
        return records;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "extract from array | [data] | JsonDecoder | {\"data\": [{\"id\": 1}, {\"id\": 2}]} | [{\"id\": 1}, {\"id\": 2}]",
        "single record | [data] | JsonDecoder | {\"data\": {\"id\": 1}} | [{\"id\": 1}]",
        "single record from root | [] | JsonDecoder | {\"id\": 1} | [{\"id\": 1}]",
        "root array | [] | JsonDecoder | [{\"id\": 1}, {\"id\": 2}] | [{\"id\": 1}, {\"id\": 2}]",
        "nested field | [data, records] | JsonDecoder | {\"data\": {\"records\": [{\"id\": 1}, {\"id\": 2}]}} | [{\"id\": 1}, {\"id\": 2}]",
        "field from config | [\"{{ config['field'] }}\"] | JsonDecoder | {\"record_array\": [{\"id\": 1}, {\"id\": 2}]}"
                + " | [{\"id\": 1}, {\"id\": 2}]",
        "field from parameters | [\"{{ parameters['parameters_field'] }}\"] | JsonDecoder"
                + " | {\"record_array\": [{\"id\": 1}, {\"id\": 2}]} | [{\"id\": 1}, {\"id\": 2}]",
        "missing field | [record] | JsonDecoder | {\"id\": 1} | []",
        "empty object | [data] | JsonDecoder | {\"data\": {}} | []",
        "nested list | [list, '*', item] | JsonDecoder | {\"list\": [{\"item\": {\"id\": \"1\"}}]} | [{\"id\": \"1\"}]",
        "complex nested list | [data, '*', list, data2, '*'] | JsonDecoder | {\"data\": [{\"list\": {\"data2\": [{\"id\": 1},"
                + " {\"id\": 2}]}}, {\"list\": {\"data2\": [{\"id\": 3}, {\"id\": 4}]}}]}"
                + " | [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}, {\"id\": 4}]",
        "star over object values | [data, '*'] | JsonDecoder | {\"data\": {\"a\": {\"id\": 1}, \"b\": {\"id\": 2}}}"
                + " | [{\"id\": 1}, {\"id\": 2}]",
        "index into a list | [data, '1'] | JsonDecoder | {\"data\": [{\"id\": 1}, {\"id\": 2}]} | [{\"id\": 2}]",
        "jsonl single record from root | [] | JsonlDecoder | {\"id\": 1} | [{\"id\": 1}]",
        "jsonl root array | [] | JsonlDecoder | [{\"id\": 1}, {\"id\": 2}] | [{\"id\": 1}, {\"id\": 2}]",
        "jsonl array | [data] | JsonlDecoder | {\"data\": [{\"id\": 1}, {\"id\": 2}]} | [{\"id\": 1}, {\"id\": 2}]",
        "jsonl multiline | [data] | JsonlDecoder | '{\"data\": [{\"id\": 1}, {\"id\": 2}]}\n{\"data\": [{\"id\": 3}, {\"id\": 4}]}'"
                + " | [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}, {\"id\": 4}]",
        "iterable lines | [] | IterableDecoder | 'user1@example.com\nuser2@example.com'"
                + " | [{\"record\": \"user1@example.com\"}, {\"record\": \"user2@example.com\"}]",
    })
    void extracts(String name, String fieldPath, String decoder, String body, String expected) {
        JsonAssertions.assertJson(extract("field_path: " + fieldPath, "{type: " + decoder + "}", body), expected);
    }

    @Test
    void aPathWithoutStarMustMatchOneValue() {
        assertThatThrownBy(() -> extract("field_path: ['da?a']", "{type: JsonDecoder}",
                "{\"data\": [1], \"dada\": [2]}"))
                .isInstanceOf(RecordException.class).hasMessageContaining("matches 2 values");
    }

    /**
     * With a {@code *}, extractors/dpath_extractor.py yields each item of {@code dpath.values(body, path)}: one record
     * per match, even an empty object, with no look into a match that is a list.
     */
    @Test
    void eachStarMatchIsOneRecord() {
        JsonAssertions.assertJson(extract("field_path: [data, '*']", "{type: JsonDecoder}",
                "{\"data\": {\"a\": {\"id\": 1}, \"b\": {}}}"), "[{\"id\": 1}, {}]");
    }

    /**
     * A match that is itself a list (or any non-object) is one record in the reference, which then fails the stream
     * writing it: sources/utils/record_helper.py's {@code stream_data_to_airbyte_message} raises "Unexpected type for
     * data_or_message". Sluice fails on it, naming the extractor's path, instead of flattening it into records.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "star match is a list | [data, '*', items] | {\"data\": [{\"items\": [{\"id\": 1}]}, {\"items\": [{\"id\": 2}]}]}"
                + " | found a list",
        "list of lists | [data, '*'] | {\"data\": [[{\"id\": 1}, {\"id\": 2}], {\"id\": 3}]} | found a list",
        "star match is null | [data, '*'] | {\"data\": {\"a\": null}} | found a null",
        "element is a number | [data] | {\"data\": [{\"id\": 1}, 7]} | found a number",
        "single string | [data] | {\"data\": \"text\"} | found a string",
        "root scalar list | [] | [1, 2] | found a number",
    })
    void aRecordThatIsNotAnObjectFailsNamingThePath(String name, String fieldPath, String body, String found) {
        assertThatThrownBy(() -> extract("field_path: " + fieldPath, "{type: JsonDecoder}", body))
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("DpathExtractor field_path " + fieldPath.replace("'", ""))
                .hasMessageContaining(found);
    }

    @Test
    void aFalseValueAtAPathWithoutStarIsNoRecord() {
        // `elif extracted: yield extracted`: a falsy value at the path gives nothing (dpath_extractor.py).
        JsonAssertions.assertJson(extract("field_path: [data]", "{type: JsonDecoder}", "{\"data\": 0}"), "[]");
        JsonAssertions.assertJson(extract("field_path: [data]", "{type: JsonDecoder}", "{\"data\": \"\"}"), "[]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nested array | [data, object] | [lines, data] | false | skip"
                + " | {\"data\": {\"object\": {\"id\": \"in_123\", \"lines\": {\"data\": [{\"id\": \"il_1\"}, {\"id\": \"il_2\"}]}}}}"
                + " | [{\"id\": \"il_1\"}, {\"id\": \"il_2\"}]",
        "with original record | [data, object] | [lines, data] | true | skip"
                + " | {\"data\": {\"object\": {\"id\": \"in_123\", \"lines\": {\"data\": [{\"id\": \"il_1\"}]}}}}"
                + " | [{\"id\": \"il_1\", \"original_record\": {\"id\": \"in_123\", \"lines\": {\"data\": [{\"id\": \"il_1\"}]}}}]",
        "interpolated path | [data, object] | [\"{{ config['nested'] }}\", data] | true | skip"
                + " | {\"data\": {\"object\": {\"id\": \"parent\", \"items\": {\"data\": [{\"id\": \"child\"}]}}}}"
                + " | [{\"id\": \"child\", \"original_record\": {\"id\": \"parent\", \"items\": {\"data\": [{\"id\": \"child\"}]}}}]",
        "empty array | [data] | [items] | false | skip | {\"data\": {\"id\": \"parent_1\", \"items\": []}} | []",
        "missing path | [data] | [items] | false | skip | {\"data\": {\"id\": \"parent_1\"}} | []",
        "not an array | [data] | [items] | false | skip | {\"data\": {\"id\": \"p\", \"items\": \"not_an_array\"}} | []",
        "deep path | [data] | [nested, array] | false | skip"
                + " | {\"data\": {\"id\": \"p\", \"nested\": {\"array\": [{\"id\": \"c1\"}, {\"id\": \"c2\"}]}}} | [{\"id\": \"c1\"}, {\"id\": \"c2\"}]",
        "non-object items with parent | [data] | [items] | true | skip | {\"data\": {\"items\": [1, \"a\"], \"meta\": \"m\"}}"
                + " | [{\"value\": 1, \"original_record\": {\"items\": [1, \"a\"], \"meta\": \"m\"}},"
                + " {\"value\": \"a\", \"original_record\": {\"items\": [1, \"a\"], \"meta\": \"m\"}}]",
        "several parents | [] | [items] | false | skip"
                + " | [{\"id\": \"p1\", \"items\": [{\"id\": \"c1\"}]}, {\"id\": \"p2\", \"items\": [{\"id\": \"c2\"}, {\"id\": \"c3\"}]}]"
                + " | [{\"id\": \"c1\"}, {\"id\": \"c2\"}, {\"id\": \"c3\"}]",
        "wildcard over lists | [data] | [sections, '*', items] | false | skip"
                + " | {\"data\": {\"sections\": [{\"name\": \"s1\", \"items\": [{\"id\": \"i1\"}, {\"id\": \"i2\"}]},"
                + " {\"name\": \"s2\", \"items\": [{\"id\": \"i3\"}]}]}} | [{\"id\": \"i1\"}, {\"id\": \"i2\"}, {\"id\": \"i3\"}]",
        "wildcard, nothing | [data] | [sections, '*', items] | false | skip"
                + " | {\"data\": {\"sections\": [{\"name\": \"s1\"}, {\"name\": \"s2\", \"items\": \"x\"}]}} | []",
        "wildcard over dict values | [data] | ['*', items] | false | skip"
                + " | {\"data\": {\"g1\": {\"items\": [{\"id\": \"i1\"}]}, \"g2\": {\"items\": [{\"id\": \"i2\"}, {\"id\": \"i3\"}]}}}"
                + " | [{\"id\": \"i1\"}, {\"id\": \"i2\"}, {\"id\": \"i3\"}]",
        "emit parent when missing | [data] | [items] | false | emit_parent | {\"data\": {\"id\": \"p\"}} | [{\"id\": \"p\"}]",
        "emit parent when empty | [data] | [items] | false | emit_parent | {\"data\": {\"id\": \"p\", \"items\": []}}"
                + " | [{\"id\": \"p\", \"items\": []}]",
        "emit parent, items present | [data] | [items] | false | emit_parent | {\"data\": {\"id\": \"p\", \"items\": [{\"id\": \"c\"}]}}"
                + " | [{\"id\": \"c\"}]",
    })
    void expands(String name, String fieldPath, String expandPath, boolean keepOriginal, String onNoRecords, String body,
            String expected) {
        String yaml = "field_path: " + fieldPath + "\nrecord_expander: {type: RecordExpander, expand_records_from_field: "
                + expandPath + ", remain_original_record: " + keepOriginal + ", on_no_records: " + onNoRecords + "}";

        JsonAssertions.assertJson(extract(yaml, "{type: JsonDecoder}", body), expected);
    }
}

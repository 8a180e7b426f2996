package dev.sluice.declarative.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.decoder.JsonDecoderSpec;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.declarative.transform.RecordTransformation;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseHeaders;
import dev.sluice.protocol.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference's {@code test_record_selector.py} and {@code test_record_filter.py} (without cursors). */
class RecordSelectorTest {

    private static final String PARAMETERS = "$parameters: {parameters_field: data, created_at: '06-07-21'}\n";
    private static final String SCHEMA = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\","
            + " \"properties\": {\"id\": {\"type\": \"string\"}, \"created_at\": {\"type\": \"string\"},"
            + " \"field_int\": {\"type\": \"integer\"}, \"field_float\": {\"type\": \"number\"}}}";
    /** The reference's slice: a cursor window, and extra fields that are not part of the slice's identity. */
    private static final StreamSlice SLICE = new StreamSlice(Json.object(),
            Components.object("{\"last_seen\": \"06-10-21\"}"), Components.object("{\"created_at\": \"06-07-21\"}"));

    private static ArrayNode select(String yaml, String body, List<RecordTransformation> transformations,
            boolean transformFirst, RecordContext recordContext) {
        BuildContext context = Components.context("{\"response_override\": \"stop_if_you_see_me\"}");
        RecordSelector selector = Components.bind("type: RecordSelector\n" + PARAMETERS + yaml, RecordSelectorSpec.class)
                .build(context, JsonDecoderSpec.DEFAULT, transformations, () -> Components.object(SCHEMA), transformFirst);
        HttpResponse response = new HttpResponse(HttpRequest.get(URI.create("https://api.example.com")), 200,
                ResponseHeaders.of(Map.of()), body.getBytes(StandardCharsets.UTF_8));
        ArrayNode out = Json.nodes().arrayNode();
        selector.select(selector.decode(response), recordContext, out::add);
        return out;
    }

    /** The reference passes {@code next_page_token} to filters as given: here {@code {"last_seen_id": 14}}. */
    private static RecordContext referenceContext() {
        BuildContext context = Components.context("{\"response_override\": \"stop_if_you_see_me\"}");
        return new RecordContext(context.interpolation().with("stream_slice", SLICE.toInterpolationValue())
                .with("next_page_token", Components.json("{\"last_seen_id\": 14}")), SLICE, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "extra fields | {{ record['created_at'] >= stream_interval.extra_fields['created_at'] }}"
                + " | [{\"id\": 2, \"created_at\": \"06-07-21\"}, {\"id\": 3, \"created_at\": \"06-08-21\"}]",
        "slice | {{ record['created_at'] >= stream_slice['last_seen'] }} | []",
        "parameters | {{ record['created_at'] > parameters['created_at'] }} | [{\"id\": 3, \"created_at\": \"06-08-21\"}]",
        "extra fields, strictly | {{ record['created_at'] > stream_slice.extra_fields['created_at'] }}"
                + " | [{\"id\": 3, \"created_at\": \"06-08-21\"}]",
        "next page token | {{ record['id'] >= next_page_token['last_seen_id'] }} | [{\"id\": 14, \"created_at\": \"01-01-21\"}]",
        "missing token field | {{ record['id'] >= next_page_token['path_to_nowhere'] }} | []",
        "config | {{ config['response_override'] == 'stop_if_you_see_me' and record['id'] == 1 }}"
                + " | [{\"id\": 1, \"created_at\": \"06-06-21\"}]",
    })
    void filters(String name, String condition, String expected) {
        String body = "{\"data\": [{\"id\": 1, \"created_at\": \"06-06-21\"}, {\"id\": 2, \"created_at\": \"06-07-21\"},"
                + " {\"id\": 3, \"created_at\": \"06-08-21\"}, {\"id\": 14, \"created_at\": \"01-01-21\"}]}";
        String yaml = "extractor: {type: DpathExtractor, field_path: [data]}\nrecord_filter: {type: RecordFilter,"
                + " condition: \"" + condition + "\"}\n";

        JsonAssertions.assertJson(select(yaml, body, List.of(), false, referenceContext()), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no filter returns all | [data] | {\"data\": [{\"id\": 1}, {\"id\": 2}]} | [{\"id\": 1}, {\"id\": 2}]",
        "path from parameters | [\"{{ parameters['parameters_field'] }}\"] | {\"data\": [{\"id\": 1}]} | [{\"id\": 1}]",
        "single record | [data] | {\"data\": {\"id\": 1, \"created_at\": \"06-06-21\"}} | [{\"id\": 1, \"created_at\": \"06-06-21\"}]",
        "no record | [data] | {\"data\": []} | []",
        "no record from root | [] | [] | []",
    })
    void selects(String name, String path, String body, String expected) {
        List<ObjectNode> seen = new ArrayList<>();
        RecordTransformation recording = (record, context) -> {
            seen.add(record);
            return record;
        };

        ArrayNode records = select("extractor: {type: DpathExtractor, field_path: " + path + "}\n", body,
                List.of(recording, recording), false, referenceContext());

        JsonAssertions.assertJson(records, expected);
        assertThat(seen).as("every transformation sees every selected record").hasSize(2 * records.size());
    }

    @ParameterizedTest(name = "schema_normalization: {0}")
    @CsvSource(delimiter = '|', value = {
        "None | {\"id\": 1, \"created_at\": \"06-06-21\", \"field_int\": \"100\", \"field_float\": \"123.3\"}",
        "Default | {\"id\": \"1\", \"created_at\": \"06-06-21\", \"field_int\": 100, \"field_float\": 123.3}",
    })
    void normalisesToTheSchema(String mode, String expected) {
        String body = "{\"data\": [{\"id\": 1, \"created_at\": \"06-06-21\", \"field_int\": \"100\", \"field_float\": \"123.3\"}]}";

        ArrayNode records = select("extractor: {type: DpathExtractor, field_path: [data]}\nschema_normalization: " + mode
                + "\n", body, List.of(), false, referenceContext());

        JsonAssertions.assertJson(records.get(0), expected);
    }

    @ParameterizedTest(name = "transform_before_filtering: {0}")
    @ValueSource(booleans = {true, false})
    void transformsBeforeOrAfterFiltering(boolean transformFirst) {
        int[] calls = {0};
        RecordTransformation setMyField = (record, context) -> {
            calls[0]++;
            ObjectNode copy = record.deepCopy();
            copy.put("myfield", 999);
            return copy;
        };
        String yaml = "extractor: {type: DpathExtractor, field_path: [data]}\n"
                + "record_filter: {condition: \"{{ record['myfield'] == 999 }}\"}\n"
                + "transform_before_filtering: " + transformFirst + "\n";

        ArrayNode records = select(yaml, "{\"data\": [{\"id\": 1, \"myfield\": 0}, {\"id\": 2, \"myfield\": 999}]}",
                List.of(setMyField), !transformFirst, Components.records(Components.context()));

        JsonAssertions.assertJson(records, transformFirst
                ? "[{\"id\": 1, \"myfield\": 999}, {\"id\": 2, \"myfield\": 999}]" : "[{\"id\": 2, \"myfield\": 999}]");
        assertThat(calls[0]).isEqualTo(transformFirst ? 2 : 1);
    }

    @Test
    void theFilterSeesTheWrappedPageToken() {
        RecordContext context = Components.records(Components.context(), StreamSlice.EMPTY, Json.nodes().numberNode(14));

        ArrayNode records = select("extractor: {field_path: [data]}\nrecord_filter: {condition: "
                        + "\"{{ record.id >= next_page_token.next_page_token }}\"}\n",
                "{\"data\": [{\"id\": 13}, {\"id\": 14}]}", List.of(), false, context);

        JsonAssertions.assertJson(records, "[{\"id\": 14}]");
    }

}

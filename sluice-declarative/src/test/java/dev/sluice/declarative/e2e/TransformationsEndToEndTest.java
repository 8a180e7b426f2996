package dev.sluice.declarative.e2e;

import static dev.sluice.testkit.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.protocol.Json;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A record filter and each transformation, through a whole manifest against a local API. */
class TransformationsEndToEndTest {

    private static final String BODY = "{\"data\": ["
            + "{\"Id\": 1, \"First Name\": \"Ada\", \"status\": \"active\", \"meta\": {\"Score\": 5, \"tags\": [\"a\"]},"
            + " \"_links\": {\"self\": \"/1\"}},"
            + "{\"Id\": 2, \"First Name\": \"Bob\", \"status\": \"archived\", \"meta\": {\"Score\": 7, \"tags\": []},"
            + " \"_links\": {\"self\": \"/2\"}}]}";

    @RegisterExtension
    final MockApi api = new MockApi();
    private final ManifestRun run = new ManifestRun(api);

    @BeforeEach
    void routes() {
        api.on("GET", "/people", json(BODY));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "AddFields | {type: AddFields, fields: [{path: [source], value: \"{{ config.label }}\"},"
                + " {path: [meta, double], value: \"{{ record.meta.Score * 2 }}\"}]}"
                + " | {\"Id\": 1, \"First Name\": \"Ada\", \"status\": \"active\", \"meta\": {\"Score\": 5, \"tags\": [\"a\"],"
                + " \"double\": 10}, \"_links\": {\"self\": \"/1\"}, \"source\": \"crm\"}",
        "RemoveFields | {type: RemoveFields, field_pointers: [[_links], [meta, '*']]}"
                + " | {\"Id\": 1, \"First Name\": \"Ada\", \"status\": \"active\", \"meta\": {}}",
        "KeysToLower | {type: KeysToLower}"
                + " | {\"id\": 1, \"first name\": \"Ada\", \"status\": \"active\", \"meta\": {\"Score\": 5, \"tags\": [\"a\"]},"
                + " \"_links\": {\"self\": \"/1\"}}",
        "KeysToSnakeCase | {type: KeysToSnakeCase}"
                + " | {\"id\": 1, \"first_name\": \"Ada\", \"status\": \"active\", \"meta\": {\"score\": 5, \"tags\": [\"a\"]},"
                + " \"_links\": {\"self\": \"/1\"}}",
        "KeysReplace | {type: KeysReplace, old: ' ', new: _}"
                + " | {\"Id\": 1, \"First_Name\": \"Ada\", \"status\": \"active\", \"meta\": {\"Score\": 5, \"tags\": [\"a\"]},"
                + " \"_links\": {\"self\": \"/1\"}}",
        "FlattenFields | {type: FlattenFields}"
                + " | {\"Id\": 1, \"First Name\": \"Ada\", \"status\": \"active\", \"Score\": 5, \"tags.0\": \"a\", \"self\": \"/1\"}",
        "DpathFlattenFields | {type: DpathFlattenFields, field_path: [meta], delete_origin_value: true}"
                + " | {\"Id\": 1, \"First Name\": \"Ada\", \"status\": \"active\", \"_links\": {\"self\": \"/1\"}, \"Score\": 5,"
                + " \"tags\": [\"a\"]}",
    })
    void transformsTheFilteredRecords(String name, String transformation, String expected) {
        Output output = run.read(ManifestRun.stream("""
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: /people}
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
                    record_filter: {type: RecordFilter, condition: "{{ record.status == 'active' }}"}
                transformations:
                  - %s
                """.formatted(transformation)), "\"label\": \"crm\"");

        assertThat(output.exitCode()).as("%s", output.errors()).isZero();
        assertThat(output.records("items")).hasSize(1);
        JsonAssertions.assertJson(output.records("items").get(0), expected);
    }

    @ParameterizedTest(name = "transform_before_filtering: {0}")
    @CsvSource({"true, 2", "false, 1"})
    void transformationsMayRunBeforeTheFilter(boolean transformFirst, int expected) {
        Output output = run.read(ManifestRun.stream("""
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: /people}
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
                    record_filter: {type: RecordFilter, condition: "{{ record.status == 'active' }}"}
                    transform_before_filtering: %s
                transformations:
                  - {type: AddFields, fields: [{path: [status], value: active}]}
                """.formatted(transformFirst)));

        assertThat(output.records("items")).hasSize(expected);
        assertThat(Json.write(output.records("items"))).contains("\"status\":\"active\"");
    }
}

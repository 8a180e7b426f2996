package dev.sluice.declarative.requester.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** property_chunking.md §6.4 ({@code test_properties_from_endpoint.py}), against a local API. */
class PropertiesFromEndpointTest {

    private static final String FLAT = """
            {"data": [{"id": "ace", "name": "gentarou"}, {"id": "snake", "name": "light"},
              {"id": "santa", "name": "aoi"}, {"id": "clover", "name": "clover"}, {"id": "junpei", "name": "junpei"},
              {"id": "june", "name": "akane"}, {"id": "seven", "name": "unknown"}, {"id": "lotus", "name": "hazuki"},
              {"id": "nine", "name": "teruaki"}]}""";
    private static final String NESTED = FLAT.replaceAll("\"name\": (\"[a-z]+\")", "\"names\": {\"first_name\": $1}");
    private static final List<String> NAMES = List.of("gentarou", "light", "aoi", "clover", "junpei", "akane",
            "unknown", "hazuki", "teruaki");

    private ChunkApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("[name]", FLAT, "{}", NAMES),
                Arguments.of("[names, first_name]", NESTED, "{}", NAMES),
                Arguments.of("[\"{{ config['top_level_field'] }}\", first_name]", NESTED,
                        "{\"top_level_field\": \"names\"}", NAMES),
                Arguments.of("[value]", "{\"data\": [{\"id\": \"ace\", \"value\": 1}]}", "{}", List.of("1")),
                Arguments.of("[missing]", "{\"data\": [{\"id\": \"ace\"}]}", "{}", List.of("[]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsTheNameAtThePathOfEveryRecord(String path, String body, String config, List<String> expected)
            throws Exception {
        api = ChunkApi.start(request -> ChunkApi.json(body));
        PropertiesFromEndpoint endpoint = endpoint(path, Json.MAPPER.readTree(config));

        assertThat(endpoint.properties()).isEqualTo(expected);
    }

    @Test
    void readsTheEndpointOnce() {
        api = ChunkApi.start(request -> ChunkApi.json(FLAT));
        PropertiesFromEndpoint endpoint = endpoint("[name]", Json.object());

        endpoint.properties();
        endpoint.properties();

        assertThat(endpoint.properties()).isEqualTo(NAMES);
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void readsEveryPageOfItsOwnPaginator() {
        api = ChunkApi.start(request -> "2".equals(ChunkApi.parameter(request, "page"))
                ? ChunkApi.json("{\"data\": [{\"name\": \"c\"}]}")
                : ChunkApi.json("{\"data\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}"));
        PropertiesFromEndpointSpec spec = Specs.bind("""
                type: PropertiesFromEndpoint
                property_field_path: [name]
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "%s", path: /properties}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                    pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}
                """.formatted(api.baseUrl()), PropertiesFromEndpointSpec.class);

        assertThat(spec.build(Specs.context()).properties()).containsExactly("a", "b", "c");
        assertThat(api.targets()).containsExactly("/properties", "/properties?page=2");
    }

    private PropertiesFromEndpoint endpoint(String path, JsonNode config) {
        PropertiesFromEndpointSpec spec = Specs.bind("""
                type: PropertiesFromEndpoint
                property_field_path: %s
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "%s", path: /properties}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                """.formatted(path, api.baseUrl()), PropertiesFromEndpointSpec.class);
        return spec.build(Specs.context(config, null));
    }
}

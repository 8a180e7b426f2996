package dev.sluice.declarative.requester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.requester.properties.Specs;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * property_chunking.md §6.6 ({@code test_interpolated_request_options_provider.py}): the chunk of a
 * {@code QueryProperties} declared among {@code request_parameters} is sent comma-joined under its key.
 */
class QueryPropertiesParameterTest {

    private static HttpRequester requester() {
        HttpRequesterSpec spec = Specs.bind("""
                type: HttpRequester
                url_base: https://api.example.com
                path: /items
                request_parameters:
                  predicate: "{{ config['option'] }}"
                  properties: {type: QueryProperties, property_list: [id, name]}
                """, HttpRequesterSpec.class);
        return spec.build(Specs.context(Json.object().put("option", "OPTION"), null));
    }

    private static StreamSlice slice(String extraFields) throws Exception {
        return StreamSlice.EMPTY.withExtraFields((ObjectNode) Json.MAPPER.readTree(extraFields));
    }

    @Test
    void theChunkComesCommaJoinedAfterTheOtherParameters() throws Exception {
        StreamSlice slice = slice("{\"query_properties\": [\"id\", \"name\"]}");

        assertThat(requester().build(slice, null, RequestOptions.NONE, null).uri()).hasToString(
                "https://api.example.com/items?predicate=OPTION&properties=id%2Cname");
    }

    static Stream<Arguments> slicesWithoutAChunk() {
        return Stream.of(
                Arguments.of("{}", "does not contain query_properties"),
                Arguments.of("{\"query_properties\": null}", "does not contain query_properties"),
                Arguments.of("{\"query_properties\": 404}", "is not a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slicesWithoutAChunk")
    void aSliceWithoutAChunkIsAnError(String extraFields, String problem) throws Exception {
        StreamSlice slice = slice(extraFields);

        assertThatThrownBy(() -> requester().build(slice, null, RequestOptions.NONE, null))
                .isInstanceOf(ConnectorException.class).hasMessageContaining(problem);
    }

    @Test
    void theEmptySliceHasNoChunk() {
        // The reference's "stream_slice is None" case: Sluice always has a slice, without extra fields here.
        assertThatThrownBy(() -> requester().build(StreamSlice.EMPTY, null, RequestOptions.NONE, null))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("does not contain query_properties");
    }

    @Test
    void anotherComponentSettingTheSameParameterCollides() throws Exception {
        StreamSlice slice = slice("{\"query_properties\": [\"id\"]}");
        RequestOptions paginator = RequestOptions.parameter("properties", Json.nodes().textNode("x"));

        assertThatThrownBy(() -> requester().build(slice, null, paginator, null))
                .isInstanceOf(ManifestException.class).hasMessageContaining("duplicate keys detected at key path: properties");
    }
}

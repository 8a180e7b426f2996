package dev.sluice.declarative.retriever;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which retrievers stream their pages: only those whose paginator leaves the records' part of the body alone. */
class StreamingDecisionTest {

    private static final String CONFIG = "{\"base_url\": \"http://localhost\"}";

    private static SimpleRetriever build(String retrieverYaml) {
        return Components.bind(retrieverYaml, SimpleRetrieverSpec.class)
                .build(Components.context(CONFIG), "records", List.of(), Json::object, false);
    }

    private static String retriever(String paginator) {
        return """
                type: SimpleRetriever
                requester: {type: HttpRequester, url_base: "http://localhost", path: /records}
                record_selector:
                  type: RecordSelector
                  extractor: {type: DpathExtractor, field_path: [data]}
                paginator:
                """ + paginator.indent(2);
    }

    @Test
    void theBenchManifestStreamsItsPages() throws Exception {
        String text = Files.readString(Path.of("..", "bench", "bench-manifest.yaml"));
        JsonNode retriever = ManifestPipeline.fromYaml(text).manifest().at("/streams/0/retriever");
        assertThat(retriever.isObject()).isTrue();

        assertThat(build(Json.write(retriever)).streamsPages()).isTrue();
    }

    @Test
    void aCursorReadBesideTheRecordsStreamsAndOneReadingThemDoesNot() {
        assertThat(build(retriever("""
                type: DefaultPaginator
                page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}"}
                """)).streamsPages()).isTrue();
        assertThat(build(retriever("""
                type: DefaultPaginator
                page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.data[-1].id }}"}
                """)).streamsPages()).isFalse();
    }

    @Test
    void paginatorsThatNeverReadTheBodyStream() {
        assertThat(build(retriever("{type: NoPagination}")).streamsPages()).isTrue();
        assertThat(build(retriever("""
                type: DefaultPaginator
                page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                pagination_strategy: {type: PageIncrement, page_size: 10}
                """)).streamsPages()).isTrue();
    }
}

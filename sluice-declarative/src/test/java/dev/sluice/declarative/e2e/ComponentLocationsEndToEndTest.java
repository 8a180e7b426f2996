package dev.sluice.declarative.e2e;

import static dev.sluice.testkit.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.AirbyteTrace.TraceError;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A component that fails while reading names where the manifest declared it: its JSON pointer and YAML line. */
class ComponentLocationsEndToEndTest {

    @RegisterExtension
    final MockApi api = new MockApi();
    private final ManifestRun run = new ManifestRun(api);

    private static String manifest(String paginator, String recordFilter) {
        return """
                version: 6.44.0
                check: {type: CheckStream, stream_names: [items]}
                streams:
                  - type: DeclarativeStream
                    name: items
                    primary_key: id
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}
                    retriever:
                      type: SimpleRetriever
                      requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: /items}
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: [data]}
                """ + recordFilter.indent(8) + """
                      paginator:
                """ + paginator.indent(8);
    }

    /** The stream's error (a summary of the failed streams follows it). */
    private static TraceError streamError(Output output) {
        List<TraceError> errors = output.errors();
        assertThat(errors).isNotEmpty();
        return errors.get(0);
    }

    @Test
    void aPaginatorTemplateFailingAtRunTimeNamesThePaginatorsPathAndLine() {
        api.on("GET", "/items", request -> json("{\"data\": [{\"id\": 1}], \"next\": {\"page\": 2}}"));

        Output output = run.read(manifest("""
                type: DefaultPaginator
                page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                pagination_strategy:
                  type: CursorPagination
                  cursor_value: "{{ response.next.page / 0 }}"
                """, ""));

        TraceError error = streamError(output);
        assertThat(error.internalMessage()).endsWith("(at /streams/0/retriever/paginator, line 14)");
        assertThat(error.message()).doesNotContain("/streams/0");
    }

    @Test
    void aRecordFilterThatCannotBeEvaluatedNamesTheFilter() {
        api.on("GET", "/items", request -> json("{\"data\": [{\"id\": 1}]}"));

        Output output = run.read(manifest("type: NoPagination\n",
                "record_filter: {type: RecordFilter, condition: \"{{ record.id / 0 }}\"}\n"));

        assertThat(streamError(output).internalMessage())
                .endsWith("(at /streams/0/retriever/record_selector/record_filter, line 14)");
    }

    @Test
    void aRequestThatFailsForGoodNamesTheRequester() {
        api.on("GET", "/items", request -> json(403, "{\"message\": \"no\"}"));

        Output output = run.read(manifest("type: NoPagination\n", ""));

        assertThat(streamError(output).internalMessage()).endsWith("(at /streams/0/retriever/requester, line 10)");
    }
}

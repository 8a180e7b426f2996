package dev.sluice.declarative.retriever;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.ManifestSources;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pages are read while their bodies stream in. A body that breaks off after some of its records were handed on is
 * retried, and the retry hands on only the records the broken attempt had not: none lost, none repeated.
 */
class StreamedPagesTest {

    @RegisterExtension
    final MockApi server = new MockApi();

    private static String page(int from, int to, Integer next) {
        StringBuilder body = new StringBuilder("{\"data\": [");
        for (int id = from; id <= to; id++) {
            body.append(id == from ? "" : ",").append("{\"id\": ").append(id).append(", \"pad\": \"")
                    .append("x".repeat(200)).append("\"}");
        }
        return body.append("], \"next\": ").append(next == null ? "null" : next.toString()).append('}').toString();
    }

    private Output read() {
        String manifest = """
                version: "6.44.0"
                type: DeclarativeSource
                check: {type: CheckStream, stream_names: [items]}
                streams:
                  - type: DeclarativeStream
                    name: items
                    primary_key: id
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "%s"
                        path: /items
                        error_handler:
                          type: DefaultErrorHandler
                          backoff_strategies: [{type: ConstantBackoffStrategy, backoff_time_in_seconds: 0.01}]
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: [data]}
                      paginator:
                        type: DefaultPaginator
                        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                        pagination_strategy:
                          type: CursorPagination
                          cursor_value: "{{ response.next }}"
                          stop_condition: "{{ response.next is none }}"
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                """.formatted(server.url("/").toString());
        var source = ManifestSources.fromYaml(manifest);
        return ConnectorHarness.of(source).readAll(Config.empty(), false, StateInput.empty());
    }

    @Test
    void aPageCutOffMidBodyIsRetriedWithoutLosingOrRepeatingRecords() {
        server.enqueue(new MockResponse.Builder().body(page(1, 100, 2)).build());
        // The second page breaks off after about half of its bytes; records before the break were handed on.
        String second = page(101, 200, 3);
        server.enqueue(new MockResponse.Builder().body(second).throttleBody(second.length() / 2, 50,
                TimeUnit.MILLISECONDS).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(new MockResponse.Builder().body(second).build());
        server.enqueue(new MockResponse.Builder().body(page(201, 250, null)).build());

        Output output = read();

        assertThat(output.exitCode()).isZero();
        List<Integer> ids = output.records("items").stream().map(record -> record.get("id").asInt()).toList();
        assertThat(ids).containsExactlyElementsOf(IntStream.rangeClosed(1, 250).boxed().toList());
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void paginationSeesTheRestOfTheBodyAfterTheRecords() {
        server.enqueue(new MockResponse.Builder().body(page(1, 3, 7)).build());
        server.enqueue(new MockResponse.Builder().body(page(4, 5, null)).build());
        Output output = read();
        assertThat(output.records("items")).extracting(record -> record.get("id").asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(server.requestCount()).isEqualTo(2);
    }
}

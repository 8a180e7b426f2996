package dev.sluice.declarative.e2e;

import static dev.sluice.testkit.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteTrace.StreamStatus;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each pagination kind, through a whole manifest, against a local API; asserts on the exact requests sent. */
class PaginationEndToEndTest {

    @RegisterExtension
    final MockApi api = new MockApi();
    private final ManifestRun run = new ManifestRun(api);

    private static String retriever(String paginator) {
        return """
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: /items}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  paginator:
                """ + paginator.indent(4);
    }

    private static List<Integer> ids(Output output) {
        return output.records("items").stream().map(record -> record.get("id").asInt()).toList();
    }

    private static void assertComplete(Output output) {
        assertThat(output.exitCode()).as("%s", output.errors()).isZero();
        assertThat(output.statuses("items")).endsWith(StreamStatus.COMPLETE);
    }

    @Test
    void cursorFromTheBody() {
        api.on("GET", "/items", request -> "c2".equals(request.getUrl().queryParameter("cursor"))
                ? json("{\"data\": [{\"id\": 3}], \"next_cursor\": null, \"has_more\": false}")
                : json("{\"data\": [{\"id\": 1}, {\"id\": 2}], \"next_cursor\": \"c2\", \"has_more\": true}"));

        Output output = run.read(ManifestRun.stream(retriever("""
                type: DefaultPaginator
                page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: cursor}
                page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: limit}
                pagination_strategy:
                  type: CursorPagination
                  cursor_value: "{{ response.next_cursor }}"
                  stop_condition: "{{ not response.has_more }}"
                  page_size: 2
                """)));

        assertComplete(output);
        assertThat(ids(output)).containsExactly(1, 2, 3);
        assertThat(api.targets()).containsExactly("GET /items?limit=2", "GET /items?cursor=c2&limit=2");
    }

    @Test
    void nextLinkAsTheRequestPath() {
        api.on("GET", "/items", request -> request.getUrl().queryParameter("page") == null
                ? json("{\"data\": [{\"id\": 1}], \"next\": \"" + api.url() + "/items?page=2&token=a%2Fb\"}")
                : json("{\"data\": [{\"id\": 2}], \"next\": null}"));

        Output output = run.read(ManifestRun.stream(retriever("""
                type: DefaultPaginator
                page_token_option: {type: RequestPath}
                pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}"}
                """)));

        assertComplete(output);
        assertThat(ids(output)).containsExactly(1, 2);
        assertThat(api.targets()).containsExactly("GET /items", "GET /items?page=2&token=a%2Fb");
    }

    @Test
    void anAbsolutePathNextLinkReplacesTheBasePath() {
        api.on("GET", "/api/v2/items", request -> request.getUrl().queryParameter("page") == null
                ? json("{\"data\": [{\"id\": 1}], \"next\": \"/api/v2/items?page=2\"}")
                : json("{\"data\": [{\"id\": 2}]}"));

        Output output = run.read(ManifestRun.stream("""
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config.base_url }}/api/v2", path: items}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestPath}
                    pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}"}
                """));

        assertComplete(output);
        assertThat(api.targets()).containsExactly("GET /api/v2/items", "GET /api/v2/items?page=2");
    }

    @Test
    void nextLinkFromTheLinkHeader() {
        api.on("GET", "/items", request -> {
            String page = request.getUrl().queryParameter("page");
            MockResponse.Builder response = new MockResponse.Builder().setHeader("Content-Type", "application/json");
            if (page == null) {
                return response.addHeader("Link", "<" + api.url() + "/items?page=2>; rel=\"next\", <" + api.url()
                        + "/items?page=3>; rel=\"last\"").body("[{\"id\": 1}, {\"id\": 2}]").build();
            }
            if (page.equals("2")) {
                return response.addHeader("Link", "<" + api.url() + "/items?page=3>; rel=\"next\"")
                        .body("[{\"id\": 3}]").build();
            }
            return response.addHeader("Link", "<" + api.url() + "/items?page=1>; rel=\"first\"")
                    .body("[{\"id\": 4}]").build();
        });

        Output output = run.read(ManifestRun.stream("""
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: /items}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestPath}
                    pagination_strategy:
                      type: CursorPagination
                      cursor_value: "{{ headers.link.next.url }}"
                      stop_condition: "{{ 'next' not in headers.link }}"
                """));

        assertComplete(output);
        assertThat(ids(output)).containsExactly(1, 2, 3, 4);
        assertThat(api.targets()).containsExactly("GET /items", "GET /items?page=2", "GET /items?page=3");
    }

    @Test
    void offsetIncrementCountsRecordsBeforeTheFilter() {
        api.on("GET", "/items", request -> {
            int offset = Integer.parseInt(request.getUrl().queryParameter("offset") == null ? "0"
                    : request.getUrl().queryParameter("offset"));
            return json(offset == 4 ? "{\"data\": [{\"id\": 5, \"keep\": true}]}"
                    : "{\"data\": [{\"id\": " + (offset + 1) + ", \"keep\": false}, {\"id\": " + (offset + 2)
                            + ", \"keep\": true}]}");
        });

        Output output = run.read(ManifestRun.stream("""
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: /items}
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
                    record_filter: {type: RecordFilter, condition: "{{ record.keep }}"}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: offset}
                    page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: limit}
                    pagination_strategy: {type: OffsetIncrement, page_size: 2}
                """));

        assertComplete(output);
        assertThat(ids(output)).containsExactly(2, 4, 5);
        assertThat(api.targets()).containsExactly("GET /items?limit=2", "GET /items?offset=2&limit=2",
                "GET /items?offset=4&limit=2");
    }

    @Test
    void pageIncrementInjectedFromTheFirstRequest() {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1}, {\"id\": 2}]}"), json("{\"data\": [{\"id\": 3}]}"));

        Output output = run.read(ManifestRun.stream(retriever("""
                type: DefaultPaginator
                page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: per_page}
                pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1, inject_on_first_request: true}
                """)));

        assertComplete(output);
        assertThat(ids(output)).containsExactly(1, 2, 3);
        assertThat(api.targets()).containsExactly("GET /items?page=1&per_page=2", "GET /items?page=2&per_page=2");
    }

    @Test
    void pageIncrementNotInjectedFirst() {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1}, {\"id\": 2}]}"), json("{\"data\": [{\"id\": 3}, {\"id\": 4}]}"),
                json("{\"data\": []}"));

        Output output = run.read(ManifestRun.stream(retriever("""
                type: DefaultPaginator
                page_token_option: {type: RequestOption, inject_into: header, field_name: X-Page}
                page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: per_page}
                pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}
                """)));

        assertComplete(output);
        assertThat(ids(output)).containsExactly(1, 2, 3, 4);
        assertThat(api.targets()).containsExactly("GET /items?per_page=2", "GET /items?per_page=2",
                "GET /items?per_page=2");
        assertThat(api.requests()).extracting(request -> request.headers().get("x-page"))
                .containsExactly(null, "2", "3");
    }

    @Test
    void noPaginationSendsOneRequest() {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1}], \"next\": \"" + "/items?page=2\"}"));

        Output output = run.read(ManifestRun.stream(retriever("{type: NoPagination}")));

        assertComplete(output);
        assertThat(ids(output)).containsExactly(1);
        assertThat(api.targets()).containsExactly("GET /items");
        assertThat(output.records("items")).allSatisfy(record -> assertThat(record).isInstanceOf(ObjectNode.class));
    }
}

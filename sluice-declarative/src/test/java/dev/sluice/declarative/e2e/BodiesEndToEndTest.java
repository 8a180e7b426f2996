package dev.sluice.declarative.e2e;

import static dev.sluice.testkit.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.ReceivedRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST requests with JSON, form, plain-text and GraphQL bodies, paginated through the body; the server's view. */
class BodiesEndToEndTest {

    @RegisterExtension
    final MockApi api = new MockApi();
    private final ManifestRun run = new ManifestRun(api);

    @BeforeEach
    void routes() {
        api.on("POST", "/search", json("{\"data\": [{\"id\": 1}, {\"id\": 2}]}"), json("{\"data\": [{\"id\": 3}]}"));
    }

    private Output read(String body, String tokenInjection) {
        return run.read(ManifestRun.stream("""
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config.base_url }}"
                    path: /search
                    http_method: POST
                    request_headers: {X-Account: "{{ config.account }}"}
                """ + body.indent(4) + """
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: %s
                    pagination_strategy: {type: OffsetIncrement, page_size: 2}
                """.formatted(tokenInjection)), "\"account\": \"acme\", \"since\": \"2024-01-01\"");
    }

    private List<String> bodies() {
        return api.requests().stream().map(ReceivedRequest::body).toList();
    }

    private List<String> contentTypes() {
        return api.requests().stream().map(request -> request.headers().get("content-type")).toList();
    }

    @Test
    void jsonBodyWithTheTokenInANestedField() {
        Output output = read("""
                request_body:
                  type: RequestBodyJsonObject
                  value: {filter: {since: "{{ config.since }}", limit: "{{ 2 }}"}, account: "{{ config.account }}"}
                """, "{type: RequestOption, inject_into: body_json, field_path: [filter, offset]}");

        assertThat(output.records("items")).hasSize(3);
        JsonAssertions.assertJson(Components.json(bodies().get(0)),
                "{\"filter\": {\"since\": \"2024-01-01\", \"limit\": 2}, \"account\": \"acme\"}");
        JsonAssertions.assertJson(Components.json(bodies().get(1)),
                "{\"filter\": {\"since\": \"2024-01-01\", \"limit\": 2, \"offset\": 2}, \"account\": \"acme\"}");
        assertThat(contentTypes()).allSatisfy(type -> assertThat(type).startsWith("application/json"));
        assertThat(api.requests()).allSatisfy(request -> assertThat(request.headers()).containsEntry("x-account", "acme"));
    }

    @Test
    void formBodyWithTheTokenAsAField() {
        Output output = read("""
                request_body:
                  type: RequestBodyUrlEncodedForm
                  value: {since: "{{ config.since }}", query: "a b&c", ids: "[1, 2]"}
                """, "{type: RequestOption, inject_into: body_data, field_name: offset}");

        assertThat(output.records("items")).hasSize(3);
        assertThat(bodies()).containsExactly("since=2024-01-01&query=a+b%26c&ids=1&ids=2",
                "since=2024-01-01&query=a+b%26c&ids=1&ids=2&offset=2");
        assertThat(contentTypes()).allSatisfy(type -> assertThat(type).startsWith("application/x-www-form-urlencoded"));
    }

    @Test
    void plainTextBodyWithTheTokenAsAParameter() {
        Output output = read("""
                request_body: {type: RequestBodyPlainText, value: "since={{ config.since }};account={{ config.account }}"}
                """, "{type: RequestOption, inject_into: request_parameter, field_name: offset}");

        assertThat(output.records("items")).hasSize(3);
        assertThat(bodies()).containsExactly("since=2024-01-01;account=acme", "since=2024-01-01;account=acme");
        assertThat(api.targets()).containsExactly("POST /search", "POST /search?offset=2");
        assertThat(contentTypes()).allSatisfy(type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void graphQlBodyWithVariables() {
        Output output = read("""
                request_body:
                  type: RequestBodyGraphQL
                  value:
                    query: "query($since: String) { items(since: $since, account: \\"{{ config.account }}\\") { id } }"
                    variables: {since: "{{ config.since }}"}
                """, "{type: RequestOption, inject_into: body_json, field_path: [variables, offset]}");

        assertThat(output.records("items")).hasSize(3);
        JsonAssertions.assertJson(Components.json(bodies().get(0)), "{\"query\": \"query($since: String) { items(since: $since,"
                + " account: \\\"acme\\\") { id } }\", \"variables\": {\"since\": \"2024-01-01\"}}");
        JsonAssertions.assertJson(Components.json(bodies().get(1)).get("variables"),
                "{\"since\": \"2024-01-01\", \"offset\": 2}");
        assertThat(contentTypes()).allSatisfy(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void legacyBodyFields() {
        Output output = read("""
                request_body_json: {since: "{{ config.since }}"}
                """, "{type: RequestOption, inject_into: body_json, field_name: offset}");

        assertThat(output.records("items")).hasSize(3);
        JsonAssertions.assertJson(Components.json(bodies().get(1)), "{\"since\": \"2024-01-01\", \"offset\": 2}");
    }
}

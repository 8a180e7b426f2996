package dev.sluice.declarative.requester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.http.HttpRequest;
import dev.sluice.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's {@code test_http_requester.py}: URLs, typing and encoding of options, collisions. */
class HttpRequesterTest {

    static HttpRequest request(String yaml, String config, StreamSlice slice, @Nullable String token,
            RequestOptions extra, @Nullable String pathOverride) {
        HttpRequester requester = Components.bind("type: HttpRequester\n" + yaml, RequesterSpec.class)
                .build(Components.context(config));
        return requester.build(slice, token == null ? null : Json.nodes().textNode(token), extra, pathOverride);
    }

    static HttpRequest request(String yaml) {
        return request(yaml, "{}", StreamSlice.EMPTY, null, RequestOptions.NONE, null);
    }

    private static String body(HttpRequest request) {
        return request.body() == null ? null : new String(request.body(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
        "https://airbyte.io, my_endpoint, https://airbyte.io/my_endpoint",
        "https://airbyte.io/, my_endpoint, https://airbyte.io/my_endpoint",
        "https://airbyte.io/, /my_endpoint, https://airbyte.io/my_endpoint",
        "https://airbyte.io, /my_endpoint, https://airbyte.io/my_endpoint",
        "https://airbyte.io, /my_endpoint/, https://airbyte.io/my_endpoint/",
        "https://airbyte.io, v1/my_endpoint, https://airbyte.io/v1/my_endpoint",
        "https://airbyte.io, /v1/my_endpoint, https://airbyte.io/v1/my_endpoint",
        "https://example.com/api/, endpoint, https://example.com/api/endpoint",
        "https://example.com/api, /endpoint, https://example.com/api/endpoint",
        "https://example.com/api/, '', https://example.com/api/",
    })
    void joinsUrlBaseAndPath(String base, String path, String expected) {
        assertThat(request("url_base: \"" + base + "\"\npath: \"" + path + "\"").uri()).hasToString(expected);
    }

    @Test
    void urlAloneOrWithPath() {
        assertThat(request("url: https://example.com/v1/items").uri()).hasToString("https://example.com/v1/items");
        assertThat(request("url: https://example.com/v1\npath: /items").uri()).hasToString("https://example.com/v1/items");
        assertThat(request("url_base: https://a.io\nurl: https://b.io\npath: x").uri()).hasToString("https://a.io/x");
    }

    @ParameterizedTest(name = "path override {1}")
    @CsvSource({
        "deals, '', https://example.com/deals",
        "deals, deals2, https://example.com/deals2",
        "deals, /deals2, https://example.com/deals2",
        "deals, https://other.io/page?cursor=2, https://other.io/page?cursor=2",
    })
    void pathOverride(String path, String override, String expected) {
        HttpRequest request = request("url_base: https://example.com\npath: " + path, "{}", StreamSlice.EMPTY, null,
                RequestOptions.NONE, override.isEmpty() ? null : override);

        assertThat(request.uri()).hasToString(expected);
    }

    @Test
    void anAbsolutePathTokenReplacesTheBasePath() {
        // Python's urljoin: a next link "/api/v2/items?page=2" is not appended to the base's own path.
        HttpRequest request = request("url_base: https://example.com/api/v2\npath: items", "{}", StreamSlice.EMPTY,
                null, RequestOptions.NONE, "/api/v2/items?page=2");

        assertThat(request.uri()).hasToString("https://example.com/api/v2/items?page=2");
    }

    @Test
    void urlAndPathAreTemplates() {
        HttpRequest request = request("url_base: \"https://example.org/{{ config.config_key }}/{{ parameters.param_key }}\"\n"
                        + "path: \"deals/{{ stream_slice.start }}/{{ next_page_token.next_page_token }}/{{ config.config_key }}\"\n"
                        + "$parameters: {param_key: param_value}",
                "{\"config_key\": \"config_value\"}", StreamSlice.ofPartition(Components.object("{\"start\": \"2012\"}")),
                "pagetoken", RequestOptions.NONE, null);

        assertThat(request.uri()).hasToString(
                "https://example.org/config_value/param_value/deals/2012/pagetoken/config_value");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "{\"k\": \"{\\\"updatedDateFrom\\\": \\\"2023-08-20T00:00:00Z\\\", \\\"updatedDateTo\\\": \\\"2023-08-20T23:59:59Z\\\"}\"} | {}"
                + " | k=%7B%22updatedDateFrom%22%3A+%222023-08-20T00%3A00%3A00Z%22%2C+%22updatedDateTo%22%3A+%222023-08-20T23%3A59%3A59Z%22%7D",
        "{\"k\": \"1,2\"} | {} | k=1%2C2",
        "{\"k\": \"a,b\"} | {} | k=a%2Cb",
        "{\"k\": \"{{ config['k'] }}\"} | {\"k\": {\"updatedDateFrom\": \"2023-08-20T00:00:00Z\", \"updatedDateTo\": \"2023-08-20T23:59:59Z\"}}"
                + " | k=%7B%27updatedDateFrom%27%3A+%272023-08-20T00%3A00%3A00Z%27%2C+%27updatedDateTo%27%3A+%272023-08-20T23%3A59%3A59Z%27%7D",
        "{\"k\": \"[1,2]\"} | {} | k=1&k=2",
        "{\"k\": \"[\\\"a\\\", \\\"b\\\"]\"} | {} | k=a&k=b",
        "{\"k\": \"{{ config['k'] }}\"} | {\"k\": [1, 2]} | k=1&k=2",
        "{\"k\": \"{{ config['k'] }}\"} | {\"k\": [\"a\", \"b\"]} | k=a&k=b",
        "{\"k\": \"{{ config['k'] }}\"} | {\"k\": [\"a,b\"]} | k=a%2Cb",
        "{\"[\\\"a\\\", \\\"b\\\"]\": \"{{ config['k'] }}\"} | {\"k\": [1, 2]} | %5B%22a%22%2C+%22b%22%5D=1&%5B%22a%22%2C+%22b%22%5D=2",
        "{\"k\": \"{'updatedDateFrom': '2023-08-20T00:00:00Z'}\"} | {} | k=%7B%27updatedDateFrom%27%3A+%272023-08-20T00%3A00%3A00Z%27%7D",
    })
    void encodesParametersAndFormBodies(String options, String config, String expected) {
        String query = request("url_base: https://example.com\npath: deals\nrequest_parameters: " + options, config,
                StreamSlice.EMPTY, null, RequestOptions.NONE, null).uri().getRawQuery();
        String form = body(request("url_base: https://example.com\npath: deals\nhttp_method: POST\n"
                + "request_body_data: " + options, config, StreamSlice.EMPTY, null, RequestOptions.NONE, null));

        assertThat(query).isEqualTo(expected);
        assertThat(form).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"k\": {\"updatedDateFrom\": \"2023-08-20T00:00:00Z\"}} | {} | k",
        "{\"a\": \"{{ config['k'] }}\", \"b\": {\"end_timestamp\": 1699109113}} | {\"k\": 1699108113} | b",
    })
    void parameterValuesCannotBeObjects(String options, String config, String key) {
        // As in the reference, the schema admits only strings and one QueryProperties: validation refuses it.
        assertThatThrownBy(() -> request("url_base: https://example.com\nrequest_parameters: " + options, config,
                StreamSlice.EMPTY, null, RequestOptions.NONE, null))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("request_parameters." + key + ": missing 'type' (expected 'QueryProperties')");
    }

    @Test
    void headersAreStringified() {
        HttpRequest request = request("url_base: https://example.com\nrequest_headers: {X-Number: \"{{ 5 }}\", "
                + "X-Bool: \"{{ True }}\", X-Text: abc}");

        assertThat(request.headers()).containsEntry("X-Number", "5").containsEntry("X-Bool", "True")
                .containsEntry("X-Text", "abc");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "parameters merge | request_parameters: {param: value} | parameter | param2 | ok",
        "parameters collide | request_parameters: {param: value} | parameter | param | collision",
        "headers merge | request_headers: {header: value} | header | header2 | ok",
        "headers collide | request_headers: {header: value} | header | header | collision",
        "form fields merge | 'http_method: POST\nrequest_body_data: {field: value}' | data | field2 | ok",
        "form fields collide | 'http_method: POST\nrequest_body_data: {field: value}' | data | field | collision",
        "json merges | 'http_method: POST\nrequest_body_json: {field: value}' | json | field2 | ok",
        "json with the same value merges | 'http_method: POST\nrequest_body_json: {field: value}' | json | field | ok",
        "json with another value collides | 'http_method: POST\nrequest_body_json: {field: other}' | json | field | collision",
        "json and form do not mix | 'http_method: POST\nrequest_body_json: {field: value}' | data | field2 | mixed",
        "form and json do not mix | 'http_method: POST\nrequest_body_data: {field: value}' | json | field2 | mixed",
        "text and form do not mix | 'http_method: POST\nrequest_body_data: field=value' | data | field2 | text",
    })
    void optionsFromOtherComponents(String name, String requester, String kind, String key, String outcome) {
        RequestOptions extra = switch (kind) {
            case "parameter" -> RequestOptions.parameter(key, Json.nodes().textNode("value"));
            case "header" -> RequestOptions.header(key, "value");
            case "data" -> RequestOptions.bodyData(key, "value");
            default -> RequestOptions.bodyJson(Json.object().put(key, "value"));
        };
        String yaml = "url_base: https://example.com\n" + requester.replace("\\n", "\n");
        if (outcome.equals("ok")) {
            HttpRequest request = request(yaml, "{}", StreamSlice.EMPTY, null, extra, null);
            String sent = request.uri().getRawQuery() + " " + request.headers() + " " + body(request);
            assertThat(sent).contains(key);
            return;
        }
        String message = switch (outcome) {
            case "collision" -> "duplicate keys detected at key path: " + key;
            case "mixed" -> "only one of the 'request_body_data' and 'request_body_json'";
            default -> "a text body cannot be combined with form fields";
        };
        assertThatThrownBy(() -> request(yaml, "{}", StreamSlice.EMPTY, null, extra, null))
                .isInstanceOf(ManifestException.class).hasMessageContaining(message);
    }

    @Test
    void bodiesAndTheirContentTypes() {
        assertThat(request("url_base: https://x.io\nhttp_method: POST\nrequest_body: {type: RequestBodyJsonObject, "
                + "value: {a: \"{{ 1 }}\"}}").headers()).containsEntry("Content-Type", "application/json");
        HttpRequest graphQl = request("url_base: https://x.io\nhttp_method: POST\nrequest_body: {type: RequestBodyGraphQL, "
                + "value: {query: \"{ users { id } }\"}}");
        assertThat(body(graphQl)).isEqualTo("{\"query\":\"{ users { id } }\"}");
        HttpRequest text = request("url_base: https://x.io\nhttp_method: POST\nrequest_body: {type: RequestBodyPlainText, "
                + "value: \"a={{ 1 + 1 }}\"}");
        assertThat(body(text)).isEqualTo("a=2");
        assertThat(text.headers()).containsEntry("Content-Type", "text/plain; charset=utf-8");
        HttpRequest form = request("url_base: https://x.io\nhttp_method: POST\nrequest_body: "
                + "{type: RequestBodyUrlEncodedForm, value: {a: b c}}");
        assertThat(body(form)).isEqualTo("a=b+c");
        assertThat(form.headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded");
        assertThat(request("url_base: https://x.io\nhttp_method: DELETE\nrequest_body_json: {a: b}").body())
                .as("no body for methods the reference sends without one").isNull();
    }

    @Test
    void queryParametersAlreadyInTheUrlAreNotRepeated() {
        HttpRequest request = request("url_base: https://x.io\npath: \"items?page=2\"", "{}", StreamSlice.EMPTY, null,
                new RequestOptions(Map.of("page", Json.nodes().numberNode(2), "size", Json.nodes().numberNode(5)),
                        Map.of(), Json.object(), Map.of()), null);

        assertThat(request.uri().getRawQuery()).isEqualTo("page=2&size=5");
    }
}

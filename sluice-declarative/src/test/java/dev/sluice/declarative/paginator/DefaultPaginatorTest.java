package dev.sluice.declarative.paginator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's {@code test_default_paginator.py}. */
class DefaultPaginatorTest {

    private static final String NEXT = "https://airbyte.io/next_url";

    static Paginator paginator(String yaml, String config) {
        return Components.bind(yaml, PaginatorSpec.class).build(Components.context(config));
    }

    private static String json(RequestOptions options) {
        return Json.write(Json.MAPPER.valueToTree(Map.of("params", options.parameters(), "headers", options.headers(),
                "data", options.bodyData(), "json", options.bodyJson())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "path | {type: RequestPath} | '' | JsonDecoder | " + NEXT + " | {\"limit\": 2}  | {} | {} | {}",
        "request parameter | {type: RequestOption, inject_into: request_parameter, field_name: from} | '' | JsonDecoder"
                + " | null | {\"from\": \"" + NEXT + "\", \"limit\": 2} | {} | {} | {}",
        "no token | {type: RequestOption, inject_into: request_parameter, field_name: from} | '{{True}}' | JsonDecoder"
                + " | null | {\"limit\": 2} | {} | {} | {}",
        "header | {type: RequestOption, inject_into: header, field_name: from} | '' | JsonDecoder"
                + " | null | {\"limit\": 2} | {\"from\": \"" + NEXT + "\"} | {} | {}",
        "body data | {type: RequestOption, inject_into: body_data, field_name: from} | '' | JsonDecoder"
                + " | null | {\"limit\": 2} | {} | {\"from\": \"" + NEXT + "\"} | {}",
        "body json | {type: RequestOption, inject_into: body_json, field_name: from} | '' | JsonDecoder"
                + " | null | {\"limit\": 2} | {} | {} | {\"from\": \"" + NEXT + "\"}",
        "path, XML | {type: RequestPath} | '' | XmlDecoder | " + NEXT + " | {\"limit\": 2} | {} | {} | {}",
        "request parameter, XML | {type: RequestOption, inject_into: request_parameter, field_name: from} | ''"
                + " | XmlDecoder | null | {\"from\": \"" + NEXT + "\", \"limit\": 2} | {} | {} | {}",
    })
    void injectsTheCursor(String name, String tokenOption, String stopCondition, String decoder, String path,
            String params, String headers, String data, String json) {
        String yaml = "type: DefaultPaginator\n"
                + "page_size_option: {inject_into: request_parameter, field_name: \"{{ parameters['page_limit'] }}\","
                + " $parameters: {page_limit: limit}}\n"
                + "page_token_option: " + tokenOption + "\n"
                + "pagination_strategy: {type: CursorPagination, page_size: 2, cursor_value: '{{ response.next }}'"
                + (stopCondition.isEmpty() ? "" : ", stop_condition: '" + stopCondition + "'") + "}\n";
        String body = decoder.equals("XmlDecoder") ? "<next>" + NEXT + "</next>" : "{\"next\": \"" + NEXT + "\"}";
        Paginator paginator = paginator(yaml, "{}");

        JsonNode token = paginator.nextToken(Pages.page("{type: " + decoder + "}", body,
                Map.of("A_HEADER", java.util.List.of("HEADER_VALUE")), 2, "{\"id\": 1}", 2, null));

        assertThat(paginator.path(token)).isEqualTo(path);
        JsonAssertions.assertJson(Components.json(json(paginator.requestOptions(token))),
                "{\"params\": " + params + ", \"headers\": " + headers + ", \"data\": " + data + ", \"json\": " + json + "}");
        if (stopCondition.isEmpty()) {
            JsonAssertions.assertJson(token, "\"" + NEXT + "\"");
        } else {
            assertThat(token).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "parameters | \"{{ parameters['page_limit'] }}\" | \"{{ parameters['page_token'] }}\""
                + " | {\"parameters_token\": \"" + NEXT + "\", \"parameters_limit\": 50}",
        "config | \"{{ config['page_limit'] }}\" | \"{{ config['page_token'] }}\""
                + " | {\"config_token\": \"" + NEXT + "\", \"config_limit\": 50}",
    })
    void interpolatesFieldNames(String name, String sizeField, String tokenField, String expected) {
        String yaml = "type: DefaultPaginator\n$parameters: {page_limit: parameters_limit, page_token: parameters_token}\n"
                + "page_size_option: {inject_into: request_parameter, field_name: " + sizeField + "}\n"
                + "page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: " + tokenField + "}\n"
                + "pagination_strategy: {type: CursorPagination, page_size: 50, cursor_value: '{{ response.next }}'}\n";
        Paginator paginator = paginator(yaml, "{\"page_limit\": \"config_limit\", \"page_token\": \"config_token\"}");

        JsonNode token = paginator.nextToken(Pages.page("{\"next\": \"" + NEXT + "\"}", 2, null));

        JsonAssertions.assertJson(Json.MAPPER.valueToTree(paginator.requestOptions(token).parameters()), expected);
    }

    @Test
    void pageSizeOptionNeedsAPageSize() {
        assertThatThrownBy(() -> paginator("type: DefaultPaginator\n"
                + "page_size_option: {inject_into: request_parameter, field_name: page_size}\n"
                + "page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: offset}\n"
                + "pagination_strategy: {type: CursorPagination, cursor_value: '{{ response.next }}'}\n", "{}"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("page_size_option cannot be set if the pagination strategy does not have a page_size");
        assertThatThrownBy(() -> paginator("type: DefaultPaginator\n"
                + "page_size_option: {inject_into: request_parameter, field_name: page_size}\n"
                + "pagination_strategy: {type: OffsetIncrement}\n", "{}"))
                .isInstanceOf(ManifestException.class);
    }

    @Test
    void optionsMayNotWriteTheSamePlace() {
        assertThatThrownBy(() -> paginator("type: DefaultPaginator\n"
                + "page_size_option: {inject_into: body_json, field_path: [variables, limit]}\n"
                + "page_token_option: {type: RequestOption, inject_into: body_json, field_path: [variables, limit]}\n"
                + "pagination_strategy: {type: PageIncrement, page_size: 1, inject_on_first_request: true}\n", "{}"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("variables.limit");
    }

    @Test
    void offsetInitialTokenIsInjected() {
        Paginator paginator = paginator("type: DefaultPaginator\n"
                + "page_size_option: {inject_into: request_parameter, field_name: limit}\n"
                + "page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: offset}\n"
                + "pagination_strategy: {type: OffsetIncrement, page_size: 2, inject_on_first_request: true}\n", "{}");

        JsonAssertions.assertJson(Json.MAPPER.valueToTree(paginator.requestOptions(paginator.initialToken()).parameters()),
                "{\"offset\": 0, \"limit\": 2}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "offset | {type: OffsetIncrement, page_size: 10, inject_on_first_request: true} | 10 | 20",
        "page | {type: PageIncrement, page_size: 5, start_from_page: 0, inject_on_first_request: true} | 1 | 2",
    })
    void tokensFollowEachOther(String name, String strategy, long first, long second) {
        Paginator paginator = paginator("type: DefaultPaginator\n"
                + "page_size_option: {inject_into: request_parameter, field_name: limit}\n"
                + "page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: offset}\n"
                + "pagination_strategy: " + strategy + "\n", "{}");
        String body = "{\"results\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}";
        int records = name.equals("offset") ? 10 : 5;

        JsonNode token = paginator.nextToken(Pages.page(body, records, null));
        JsonNode next = paginator.nextToken(Pages.page(body, records, token));

        assertThat(token.asLong()).isEqualTo(first);
        assertThat(next.asLong()).isEqualTo(second);
    }

    @Test
    void pathIsOnlyForRequestPathTokens() {
        String strategy = "pagination_strategy: {type: CursorPagination, cursor_value: '{{ response.next }}'}\n";
        Paginator byPath = paginator("type: DefaultPaginator\npage_token_option: {type: RequestPath}\n" + strategy, "{}");
        Paginator byParameter = paginator("type: DefaultPaginator\npage_token_option: {type: RequestOption,"
                + " inject_into: request_parameter, field_name: some_field}\n" + strategy, "{}");

        assertThat(byPath.path(null)).isNull();
        assertThat(byParameter.path(Json.nodes().textNode("https://domain.com/next_url"))).isNull();
        assertThat(paginator("{type: NoPagination}", "{}").nextToken(Pages.page("{\"next\": 1}", 1, null))).isNull();
    }

    @Test
    void saysWhereItsTemplatesReadTheResponseBody() {
        Paginator cursor = paginator("""
                type: DefaultPaginator
                page_token_option: {type: RequestPath}
                pagination_strategy:
                  type: CursorPagination
                  cursor_value: "{{ response['metadata']['next'] }}"
                  stop_condition: "{{ not response.has_more }}"
                """, "{}");
        Paginator offset = paginator("""
                type: DefaultPaginator
                pagination_strategy: {type: OffsetIncrement, page_size: "{{ response.data | length }}"}
                """, "{}");
        Paginator pages = paginator("""
                type: DefaultPaginator
                pagination_strategy: {type: PageIncrement, page_size: 10}
                """, "{}");

        assertThat(cursor.responsePaths().paths())
                .containsExactlyInAnyOrder(java.util.List.of("metadata", "next"), java.util.List.of("has_more"));
        assertThat(cursor.responsePaths().overlaps(java.util.List.of("data"))).isFalse();
        assertThat(offset.responsePaths().overlaps(java.util.List.of("data"))).isTrue();
        assertThat(pages.responsePaths().isEmpty()).isTrue();
        assertThat(Paginator.NONE.responsePaths().isEmpty()).isTrue();
    }
}

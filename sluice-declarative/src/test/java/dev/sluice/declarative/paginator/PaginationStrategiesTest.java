package dev.sluice.declarative.paginator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference's {@code test_cursor_pagination_strategy.py}, {@code test_offset_increment.py} and
 * {@code test_page_increment.py}.
 */
class PaginationStrategiesTest {

    private static final String CURSOR_BODY = "{\"_metadata\": {\"content\": \"content_value\"}, \"accounts\": [],"
            + " \"end\": 99, \"total\": 200, \"characters\": {}}";
    private static final Map<String, List<String>> CURSOR_HEADERS = Map.of("has_more", List.of("True"),
            "next", List.of("ready_to_go"),
            "link", List.of("<https://adventure.io/api/v1/records?page=2&per_page=100>; rel=\"next\""));

    static PaginationStrategy strategy(String yaml, String config) {
        return Components.bind(yaml, PaginationStrategySpec.class).build(Components.context(config));
    }

    private static JsonNode number(long value) {
        return Json.nodes().numberNode(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "static token | token | '' | \"token\" | null",
        "static token with page size | token | '' | \"token\" | 5",
        "token from config | '{{ config.config_key }}' | '' | \"config_value\" | null",
        "token from last record | '{{ last_record.id }}' | '' | 1 | null",
        // The reference writes response._metadata; Sluice's template engine refuses '_' attributes (item access works).
        "token from response | {{ response['_metadata'].content }} | '' | \"content_value\" | null",
        "token from parameters | '{{ parameters.key }}' | '' | \"value\" | null",
        "token not found | '{{ response.invalid_key }}' | '' | null | null",
        "stop condition false | token | '{{False}}' | \"token\" | null",
        "stop condition true | token | '{{True}}' | null | null",
        "token from header | '{{ headers.next }}' | '{{ not headers.has_more }}' | \"ready_to_go\" | null",
        "token from Link header | '{{ headers.link.next.url }}' | '{{ not headers.link.next.url }}'"
                + " | \"https://adventure.io/api/v1/records?page=2&per_page=100\" | null",
        "last page size | '{{ last_page_size }}' | '' | 1 | null",
    })
    void cursorPagination(String name, String cursorValue, String stopCondition, String expected, Integer pageSize) {
        String yaml = "{type: CursorPagination, $parameters: {key: value}, cursor_value: \"" + cursorValue + "\""
                + (stopCondition.isEmpty() ? "" : ", stop_condition: \"" + stopCondition + "\"")
                + (pageSize == null ? "" : ", page_size: " + pageSize) + "}";
        PaginationStrategy strategy = strategy(yaml, "{\"config_key\": \"config_value\"}");

        JsonNode token = strategy.nextToken(Pages.page("{type: JsonDecoder}", CURSOR_BODY, CURSOR_HEADERS, 1,
                "{\"id\": 1, \"more_records\": true}", 1, null));

        if (expected == null) {
            assertThat(token).isNull();
        } else {
            JsonAssertions.assertJson(token, expected);
        }
        assertThat(strategy.pageSize()).isEqualTo(pageSize);
        assertThat(strategy.initialToken()).isNull();
    }

    @Test
    void cursorWithoutRecordsHasNoLastRecord() {
        PaginationStrategy strategy = strategy("{type: CursorPagination, cursor_value: '{{ last_record.id }}'}", "{}");

        assertThat(strategy.nextToken(Pages.page("{}", 0, null))).isNull();
    }

    @ParameterizedTest(name = "page_size {0} with config {1}")
    @CsvSource(delimiter = '|', value = {
        "100 | {} | 100",
        "'\"100\"' | {} | 100",
        "\"{{ config['page_size'] }}\" | {\"page_size\": 50} | 50",
        "\"{{ config.get('page_size', 100) }}\" | {} | 100",
        "\"{{ config.get('page_size', 100) }}\" | {\"page_size\": 200} | 200",
    })
    void interpolatedPageSizes(String pageSize, String config, int expected) {
        for (String type : List.of("CursorPagination, cursor_value: token", "PageIncrement", "OffsetIncrement")) {
            assertThat(strategy("{type: " + type + ", page_size: " + pageSize + "}", config).pageSize())
                    .as(type).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CursorPagination, cursor_value: token | \"{{ config['page_size'] }}\" | invalid is of type <class 'str'>",
        "PageIncrement | \"{{ config['page_size'] }}\" | invalid is of type <class 'str'>",
        "PageIncrement | not-an-integer | not-an-integer is of type <class 'str'>. Expected <class 'int'>",
        "OffsetIncrement | \"{{ config['page_size'] }}\" | invalid is of type <class 'str'>",
    })
    void pageSizeMustBeAnInteger(String type, String pageSize, String message) {
        assertThatThrownBy(() -> strategy("{type: " + type + ", page_size: " + pageSize + "}",
                "{\"page_size\": \"invalid\"}").pageSize())
                .isInstanceOf(ManifestException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "same page size (string) | '\"2\"' | 2 | 4 | 6",
        "same page size | 2 | 2 | 4 | 6",
        "larger page size from parameters | \"{{ parameters['page_size'] }}\" | 2 | 3 | null",
        "stop if no records | null | 0 | 3 | null",
        "page size from response | \"{{ response['page_metadata']['limit'] }}\" | 2 | 3 | null",
        "second page, first not injected | 2 | 2 | null | 2",
    })
    void offsetIncrement(String name, String pageSize, int records, Long token, Long expected) {
        PaginationStrategy strategy = strategy("{type: OffsetIncrement, $parameters: {page_size: 3}"
                + (pageSize == null ? "" : ", page_size: " + pageSize) + "}", "{}");
        Page page = Pages.page("{\"results\": [], \"next\": \"https://airbyte.io/next_url\", \"page_metadata\": {\"limit\": 5}}",
                records, token == null ? null : number(token));

        JsonNode next = strategy.nextToken(page);

        assertThat(next == null ? null : next.asLong()).isEqualTo(expected);
        assertThat(strategy.nextToken(page) == null ? null : strategy.nextToken(page).asLong())
                .as("stateless").isEqualTo(expected);
    }

    @ParameterizedTest(name = "inject_on_first_request: {0}")
    @CsvSource({"true, 0", "false, "})
    void offsetInitialToken(boolean inject, Long expected) {
        JsonNode token = strategy("{type: OffsetIncrement, page_size: 20, inject_on_first_request: " + inject + "}", "{}")
                .initialToken();

        assertThat(token == null ? null : token.asLong()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "same page size from 1 | 2 | 1 | 2 | 3 | 4",
        "larger page size from 1 | 3 | 1 | 2 | 3 | null",
        "same page size from 0 | 2 | 0 | 2 | 3 | 4",
        "larger page size from 0 | 3 | 0 | 2 | 3 | null",
        "no page size, no records | null | 0 | 0 | 2 | null",
        "page size from string | '\"2\"' | 0 | 2 | 3 | 4",
        "page size from config | \"{{ config['value'] }}\" | 0 | 2 | 3 | 4",
        "start not injected | 2 | 0 | 2 | null | 1",
        "non-default start not injected | 2 | 10 | 2 | null | 11",
    })
    void pageIncrement(String name, String pageSize, int start, int records, Long token, Long expected) {
        PaginationStrategy strategy = strategy("{type: PageIncrement, start_from_page: " + start
                + (pageSize == null ? "" : ", page_size: " + pageSize) + "}", "{\"value\": 2}");

        JsonNode next = strategy.nextToken(Pages.page("{\"next\": \"https://airbyte.io/next_url\"}", records,
                token == null ? null : number(token)));

        assertThat(next == null ? null : next.asLong()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "full page continues though all filtered | 0 | 2 | 4",
        "full page continues though some filtered | 1 | 2 | 4",
        "partial page stops | 1 | 1 | null",
        "empty page stops | 0 | 0 | null",
    })
    void pageIncrementCountsRecordsBeforeFiltering(String name, int selected, int extracted, Long expected) {
        PaginationStrategy strategy = strategy("{type: PageIncrement, page_size: 2, start_from_page: 1}", "{}");
        Page page = Pages.page("{type: JsonDecoder}", "{}", Map.of(), selected, null, extracted, number(3));

        JsonNode next = strategy.nextToken(page);

        assertThat(next == null ? null : next.asLong()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "inject {0}, start {1}")
    @CsvSource({"true, 0, 0", "true, 12, 12", "false, 2, "})
    void pageIncrementInitialToken(boolean inject, int start, Long expected) {
        JsonNode token = strategy("{type: PageIncrement, page_size: 20, start_from_page: " + start
                + ", inject_on_first_request: " + inject + "}", "{}").initialToken();

        assertThat(token == null ? null : token.asLong()).isEqualTo(expected);
    }
}

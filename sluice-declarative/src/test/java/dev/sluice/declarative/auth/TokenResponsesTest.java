package dev.sluice.declarative.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference: _find_and_get_value_from_response — top level first, then depth first, five levels at most. */
class TokenResponsesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"access_token\": \"top\", \"data\": {\"access_token\": \"nested\"}}|top",
            "{\"data\": {\"access_token\": \"nested\"}}|nested",
            "{\"data\": [{\"other\": 1}, {\"access_token\": \"in-list\"}]}|in-list",
            "{\"a\": {\"access_token\": null}, \"b\": {\"access_token\": \"second\"}}|second",
            "{\"a\": {\"b\": {\"c\": {\"d\": {\"access_token\": \"deep\"}}}}}|deep",
            "{\"other\": 1}|"})
    void findsTheKey(String response, String expected) throws Exception {
        JsonNode found = TokenResponses.find(Json.MAPPER.readTree(response), "access_token");

        assertThat(found == null ? null : found.asText()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": 1}}}}}}"})
    void valuesNestedDeeperThanFiveLevelsStopTheSearch(String response) throws Exception {
        JsonNode tree = Json.MAPPER.readTree(response);

        assertThatThrownBy(() -> TokenResponses.find(tree, "access_token")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("maximum level of recursion");
    }
}

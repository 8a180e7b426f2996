package dev.sluice.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": -1.5e-7, \"e\": \"x\"}}",
        "\"quote \\\" backslash \\\\ slash / tab \\t newline \\n cr \\r bell \\u0007 nul \\u0000 é 😀\"",
        "[1, 12345678901234567890, 0.1, \"\", [], {}]",
        "{\"key with \\\"quotes\\\"\": \"\\b\\f\"}",
    })
    void writesWhatJacksonWrites(String text) throws Exception {
        JsonNode node = Json.parse(text);

        assertThat(new JsonText().write(node)).isEqualTo(Json.write(node));
    }
}

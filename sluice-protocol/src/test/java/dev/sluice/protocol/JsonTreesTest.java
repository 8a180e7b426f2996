package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTreesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1,\"b\":[1,2.5,\"x\",true,false,null,{}],\"c\":{\"d\":{\"e\":[]}}}",
        "[1,12345678901234,123456789012345678901234567890,1e-7,-0.0,\"é\\u0000\"]",
        "\"text\"", "42", "null", "{\"dup\":1,\"dup\":2}", "{}", "[]",
    })
    void buildsTheSameTreeAsTheMapper(String json) throws IOException {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            parser.nextToken();
            JsonNode built = JsonTrees.read(parser);
            JsonNode expected = Json.MAPPER.readTree(json);
            assertThat(built).isEqualTo(expected);
            assertThat(Json.write(built)).isEqualTo(Json.write(expected));
            assertThat(parser.nextToken()).isNull();
        }
    }

    @Test
    void aValueThatBreaksOffIsAnError() throws IOException {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser("{\"a\":[1,2")) {
            parser.nextToken();
            assertThatThrownBy(() -> JsonTrees.read(parser)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void nestingBeyondTheLimitIsRefusedNotAStackOverflow() throws IOException {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(deep)) {
            parser.nextToken();
            assertThatThrownBy(() -> JsonTrees.read(parser)).isInstanceOf(IOException.class)
                    .hasMessageContaining("nesting depth");
        }
    }
}

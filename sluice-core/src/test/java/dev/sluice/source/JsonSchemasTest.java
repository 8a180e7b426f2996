package dev.sluice.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    static final class SampleStream implements Stream {
        @Override
        public void read(ReadRequest request, StreamSink sink) {
        }
    }

    @Test
    void defaultNameIsTheSnakeCasedClassName() {
        assertThat(new SampleStream().name()).isEqualTo("sample_stream");
        assertThat(Names.snakeCase("EmployeeBenefits")).isEqualTo("employee_benefits");
        assertThat(Names.snakeCase("HTTPStatusCodes")).isEqualTo("http_status_codes");
        assertThat(Names.snakeCase("Stream2Go")).isEqualTo("stream2_go");
    }

    @Test
    void staticSchemaInlinesSharedAndLocalReferences() throws Exception {
        ObjectNode schema = new SampleStream().jsonSchema();
        String shared = "{\"type\":[\"null\",\"object\"],\"properties\":{\"k1\":{\"type\":\"string\"}}}";
        String nested = "{\"type\":[\"null\",\"object\"],\"properties\":{\"nested\":{\"type\":\"number\"}}}";
        assertThat(schema.at("/properties/obj")).isEqualTo(Json.parse(shared));
        assertThat(schema.at("/properties/choice/oneOf/1")).isEqualTo(Json.parse(nested));
        assertThat(schema.at("/properties/local")).isEqualTo(Json.parse("{\"type\":\"boolean\"}"));
        assertThat(Json.write(schema)).doesNotContain("$ref");
    }

    @Test
    void eachCallReturnsAFreshCopySoCodeCanModifyIt() {
        ObjectNode first = new SampleStream().jsonSchema();
        first.withObject("/properties").putObject("added").put("type", "string");
        assertThat(new SampleStream().jsonSchema().at("/properties/added").isMissingNode()).isTrue();
    }

    @Test
    void missingFilesAndCyclesAreClearErrors() {
        assertThatThrownBy(() -> JsonSchemas.load(JsonSchemasTest.class, "nope"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("Cannot find file schemas/nope.json");
        assertThatThrownBy(() -> JsonSchemas.load(JsonSchemasTest.class, "cycle"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("Circular $ref");
    }
}

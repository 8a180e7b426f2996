package dev.sluice.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    static final class SampleStream implements Stream {
        @Override
        public void read(ReadRequest request, StreamSink sink) {
        }
    }

    /** A class that needs nothing else, so a throwaway class loader (a plugin's) can define it again. */
    static final class SchemaOwner {
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

    @Test
    void theRememberedSchemasKeepNoClassLoaderAlive() throws Exception {
        WeakReference<ClassLoader> plugin = loadThroughAThrowawayLoader();
        for (int i = 0; i < 100 && plugin.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(plugin.get()).as("the plugin's class loader, unused once its schema was loaded").isNull();
    }

    private static WeakReference<ClassLoader> loadThroughAThrowawayLoader() throws Exception {
        URL testClasses = JsonSchemasTest.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {testClasses},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> owner = Class.forName(SchemaOwner.class.getName(), false, plugin);
            assertThat(owner.getClassLoader()).isSameAs(plugin);
            assertThat(JsonSchemas.load(owner, "sample_stream").at("/properties/local"))
                    .isEqualTo(Json.parse("{\"type\":\"boolean\"}"));
            return new WeakReference<>(plugin);
        }
    }
}

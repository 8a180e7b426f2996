package dev.sluice.builder.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.protocol.Json;
import org.junit.jupiter.api.Test;

class SchemaLoaderEditTest {

    private static final String MANIFEST = """
            # Top comment: kept.
            version: "6.44.0"
            type: DeclarativeSource

            definitions:
              base_requester: &requester   # an anchor, used by both streams
                type: HttpRequester
                url_base: "https://api.example.com"
                http_method: GET
              retriever: &retriever
                type: SimpleRetriever
                requester: *requester
                record_selector:
                  type: RecordSelector
                  extractor: {type: DpathExtractor, field_path: [data]}

            check:
              type: CheckStream
              stream_names: [users]

            streams:
              # The users: their loader is replaced.
              - type: DeclarativeStream
                name: users
                retriever:
                  <<: *retriever
                  requester:
                    <<: *requester
                    path: /users    # trailing comment
                schema_loader:
                  type: InlineSchemaLoader
                  schema:
                    type: object   # old schema
                primary_key: id  # the key
              # The orders have no loader yet: one is added.
              - type: DeclarativeStream
                name: orders
                retriever:
                  <<: *retriever
                  requester:
                    <<: *requester
                    path: /orders
                primary_key: [id] # still here

            # Bottom comment: kept.
            """;

    private static JsonNode schema() throws Exception {
        return Json.parse("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\","
                + "\"properties\":{\"id\":{\"type\":[\"integer\",\"null\"]},\"name\":{\"type\":[\"string\",\"null\"]},"
                + "\"tags\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"}}}}");
    }

    private static JsonNode loaderOf(String text, int stream) {
        return ManifestPipeline.fromYaml(text).manifest().path("streams").get(stream).path("schema_loader");
    }

    @Test
    void replacesAnExistingLoaderAndKeepsEverythingElse() throws Exception {
        SchemaLoaderEdit edit = SchemaLoaderEdit.of(MANIFEST, "users", schema());
        String edited = edit.applyTo(MANIFEST);

        assertThat(loaderOf(edited, 0).path("type").asText()).isEqualTo("InlineSchemaLoader");
        assertThat(loaderOf(edited, 0).path("schema")).isEqualTo(schema());
        // Only the loader's own text changed: everything before and after it is the original, byte for byte.
        int start = MANIFEST.indexOf("schema_loader:");
        int end = MANIFEST.indexOf("type: object   # old schema") + "type: object".length();
        assertThat(edit.start()).isEqualTo(start);
        assertThat(edit.end()).isEqualTo(end);
        assertThat(edited).startsWith(MANIFEST.substring(0, start))
                .endsWith(MANIFEST.substring(end));
        // A comment after the old loader's last value stays, after the new loader's last line.
        assertThat(edited).contains("string   # old schema").contains("primary_key: id  # the key")
                .contains("&requester   # an anchor").contains("# Bottom comment: kept.");
        // The other stream keeps its (absent) loader and reads through the same anchors as before.
        assertThat(loaderOf(edited, 1).path("schema").isMissingNode()).isTrue();
        assertThat(ManifestPipeline.fromYaml(edited).manifest().path("streams").get(1).path("retriever")
                .path("requester").path("url_base").asText()).isEqualTo("https://api.example.com");
    }

    @Test
    void addsALoaderAtTheEndOfAStreamWithoutOne() throws Exception {
        SchemaLoaderEdit edit = SchemaLoaderEdit.of(MANIFEST, "orders", schema());
        String edited = edit.applyTo(MANIFEST);

        assertThat(edit.start()).isEqualTo(edit.end());
        assertThat(loaderOf(edited, 1).path("schema")).isEqualTo(schema());
        assertThat(loaderOf(edited, 0).path("schema").path("type").asText()).isEqualTo("object");
        // Inserted after the line of the stream's last key, comment included, at the stream's key indentation.
        assertThat(edited).contains("    primary_key: [id] # still here\n    schema_loader:\n"
                + "      type: InlineSchemaLoader\n      schema:\n");
        assertThat(edited.replace(edit.replacement(), "")).isEqualTo(MANIFEST);
        assertThat(edited).contains("      - string");
    }

    @Test
    void replacesALoaderGivenAsAnAliasAndKeepsTheAnchor() throws Exception {
        String text = MANIFEST.replace("  retriever: &retriever", "  loader: &loader\n    type: InlineSchemaLoader\n"
                + "    schema: {type: object}\n  retriever: &retriever")
                .replace("    primary_key: [id] # still here", "    schema_loader: *loader\n    primary_key: [id]");
        String edited = SchemaLoaderEdit.of(text, "orders", schema()).applyTo(text);

        assertThat(loaderOf(edited, 1).path("schema")).isEqualTo(schema());
        assertThat(edited).contains("  loader: &loader\n    type: InlineSchemaLoader\n    schema: {type: object}\n");
    }

    @Test
    void refusesAnAnchoredLoaderOthersMayShare() throws Exception {
        String text = MANIFEST.replace("    schema_loader:\n      type: InlineSchemaLoader",
                "    schema_loader: &shared\n      type: InlineSchemaLoader");

        assertThatThrownBy(() -> SchemaLoaderEdit.of(text, "users", schema()))
                .isInstanceOf(ManifestException.class).hasMessageContaining("&shared");
    }

    @Test
    void namesAMissingStream() {
        assertThatThrownBy(() -> SchemaLoaderEdit.of(MANIFEST, "nope", schema()))
                .isInstanceOf(ManifestException.class).hasMessageContaining("no stream named 'nope'");
    }

    @Test
    void keepsWindowsLineEndings() throws Exception {
        String text = MANIFEST.replace("\n", "\r\n");
        String edited = SchemaLoaderEdit.of(text, "orders", schema()).applyTo(text);

        assertThat(edited.replace("\r\n", "")).doesNotContain("\n");
        assertThat(loaderOf(edited, 1).path("schema")).isEqualTo(schema());
    }
}

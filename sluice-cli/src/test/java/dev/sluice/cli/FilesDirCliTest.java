package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteRecordFileReference;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code read --files-dir DIR}: a stream's {@code file_uploader} writes its files under DIR (instead of the
 * reference's {@code AIRBYTE_STAGING_DIRECTORY}), and the RECORD lines on stdout carry their {@code file_reference}.
 */
class FilesDirCliTest {

    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/files/7")) {
                    return new MockResponse.Builder().code(200).body("%PDF-1.7 seven").build();
                }
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("[{\"id\": 7, \"url\": \"" + server.url("/files/7") + "\"}]").build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readWritesTheFilesUnderTheGivenFolder() throws Exception {
        Path manifest = dir.resolve("manifest.yaml");
        Files.writeString(manifest, """
                version: "6.44.0"
                type: DeclarativeSource
                check: {type: CheckStream, stream_names: [documents]}
                streams:
                  - type: DeclarativeStream
                    name: documents
                    primary_key: id
                    retriever:
                      type: SimpleRetriever
                      requester: {type: HttpRequester, url_base: "%s", path: /documents}
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: []}
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                    file_uploader:
                      type: FileUploader
                      requester: {type: HttpRequester, url_base: "{{ download_target }}", path: ""}
                      download_target_extractor: {type: DpathExtractor, field_path: [url]}
                      filename_extractor: "{{ record.id }}.pdf"
                """.formatted(server.url("/").toString().replaceAll("/$", "")));
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{}");
        Path catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, """
                {"streams": [{"stream": {"name": "documents", "json_schema": {}, "supported_sync_modes": ["full_refresh"],
                  "is_file_based": true}, "sync_mode": "full_refresh", "destination_sync_mode": "overwrite"}]}""");
        Path files = dir.resolve("staged");

        CliRun read = CliRun.of("read", "--manifest", manifest.toString(), "--config", config.toString(),
                "--catalog", catalog.toString(), "--files-dir", files.toString());

        assertThat(read.exitCode()).isZero();
        Path file = files.resolve("documents/7.pdf").toAbsolutePath().normalize();
        assertThat(Files.readString(file)).isEqualTo("%PDF-1.7 seven");
        assertThat(read.output().records()).extracting(AirbyteRecord::fileReference)
                .containsExactly(new AirbyteRecordFileReference(file.toString(), "documents/7.pdf", 14L));
        assertThat(read.stdout()).contains("\"file_reference\":{\"staging_file_url\":\"" + file + "\"");
    }
}

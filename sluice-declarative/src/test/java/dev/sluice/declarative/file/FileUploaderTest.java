package dev.sluice.declarative.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.TestManifests;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteRecordFileReference;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.runner.SourceRunner;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.FileStaging;
import dev.sluice.source.RunContext;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DeclarativeStream.file_uploader} against a local API. The paths, the UUID fallback and the file reference
 * are those of the reference's airbyte_cdk/sources/declarative/retrievers/file_uploader/default_file_uploader.py
 * ({@code DefaultFileUploader.upload}: {@code <stream>/<filename_extractor or uuid4>}, the leading slashes of the
 * rendered name stripped, {@code staging_file_url} the absolute path) and its unit test
 * unit_tests/sources/declarative/file/test_file_stream.py.
 */
class FileUploaderTest {

    @RegisterExtension
    final MockApi api = new MockApi();

    @TempDir
    Path staging;

    private static String manifest(String uploaderExtra) {
        return """
                version: 6.0.0
                check: {stream_names: [articles]}
                streams:
                  - type: DeclarativeStream
                    name: articles
                    primary_key: id
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                    retriever:
                      type: SimpleRetriever
                      requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /articles}
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                    file_uploader:
                      type: FileUploader
                      requester: {type: HttpRequester, url_base: "{{ download_target }}", path: ""}
                      download_target_extractor: {type: DpathExtractor, field_path: [content_url]}
                EXTRA
                """.replace("EXTRA", TestManifests.indent(uploaderExtra, 6));
    }

    private void articles() {
        api.on("GET", "/articles", MockApi.json("""
                {"data": [
                  {"id": 1, "file_name": "a.txt", "content_url": "%s"},
                  {"id": 2, "file_name": "big.bin", "content_url": "%s"}
                ]}""".formatted(api.url("/download/a"), api.url("/download/b"))));
        api.on("GET", "/download/a", new MockResponse.Builder().body("hello").build());
        api.on("GET", "/download/b", new MockResponse.Builder().body("x".repeat(300_000)).build());
    }

    /** A read with the run's staging folder set to the test's, as {@code read --files-dir} sets it. */
    private List<AirbyteMessage> read(String manifest) {
        DeclarativeSource source = TestManifests.source(manifest, TestManifests.clockAt("2024-06-01T00:00:00Z"));
        Config config = api.config();
        List<AirbyteMessage> messages = new ArrayList<>();
        try (RunContext run = RunContext.named("files")) {
            run.preset(FileStaging.SERVICE, new FileStaging(staging));
            new SourceRunner(source, messages::add, java.time.Clock.systemUTC(), run)
                    .read(config, ConnectorHarness.catalogOf(source.streams(config, run), false), StateInput.empty());
        }
        return messages;
    }

    private static List<AirbyteRecord> records(List<AirbyteMessage> messages) {
        return new Output(messages, 0).records();
    }

    @Test
    void eachRecordsFileLandsUnderTheStreamFolderAndTheRecordCarriesItsReference() throws Exception {
        articles();

        List<AirbyteMessage> messages = read(manifest("filename_extractor: \"{{ record.id }}/{{ record.file_name }}/\""));

        assertThat(new Output(messages, 0).errors()).isEmpty();
        List<AirbyteRecord> records = records(messages);
        assertThat(records).hasSize(2);
        Path small = staging.resolve("articles/1/a.txt");
        Path big = staging.resolve("articles/2/big.bin");
        assertThat(Files.readString(small)).isEqualTo("hello");
        assertThat(Files.size(big)).isEqualTo(300_000);
        assertThat(records.get(0).fileReference()).isEqualTo(new AirbyteRecordFileReference(
                small.toAbsolutePath().normalize().toString(), "articles/1/a.txt", 5L));
        assertThat(records.get(1).fileReference()).isEqualTo(new AirbyteRecordFileReference(
                big.toAbsolutePath().normalize().toString(), "articles/2/big.bin", 300_000L));
        // The data stays the API's record: the reference is beside it, not in it.
        assertThat(records.get(0).data().fieldNames()).toIterable()
                .containsExactly("id", "file_name", "content_url");
    }

    @Test
    void withoutAFilenameExtractorEachFileIsNamedByARandomUuid() throws Exception {
        articles();

        List<AirbyteRecord> records = records(read(manifest("file_extractor: {type: DpathExtractor, field_path: []}")));

        assertThat(records).hasSize(2);
        for (AirbyteRecord record : records) {
            AirbyteRecordFileReference file = record.fileReference();
            assertThat(file).isNotNull();
            assertThat(file.sourceFileRelativePath())
                    .matches("articles/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(Path.of(file.stagingFileUrl())).isEqualTo(staging.resolve(file.sourceFileRelativePath())
                    .toAbsolutePath().normalize()).exists();
            assertThat(Files.size(Path.of(file.stagingFileUrl()))).isEqualTo(file.fileSizeBytes());
        }
        assertThat(records.get(0).fileReference().sourceFileRelativePath())
                .isNotEqualTo(records.get(1).fileReference().sourceFileRelativePath());
    }

    @Test
    void aFailingDownloadIsRetriedAndThenReportedWithItsRequest() throws Exception {
        api.on("GET", "/articles", MockApi.json("""
                {"data": [{"id": 1, "file_name": "a.txt", "content_url": "%s"},
                          {"id": 2, "file_name": "b.txt", "content_url": "%s"}]}"""
                .formatted(api.url("/download/flaky"), api.url("/download/broken"))));
        AtomicInteger flaky = new AtomicInteger();
        api.on("GET", "/download/flaky", request -> flaky.incrementAndGet() < 3
                ? MockApi.json(500, "{}") : new MockResponse.Builder().body("finally").build());
        AtomicInteger broken = new AtomicInteger();
        api.on("GET", "/download/broken", request -> {
            broken.incrementAndGet();
            return MockApi.json(404, "{\"error\": \"gone\"}");
        });

        List<AirbyteMessage> messages = read(manifest("filename_extractor: \"{{ record.file_name }}\""));

        assertThat(flaky.get()).isEqualTo(3);
        assertThat(Files.readString(staging.resolve("articles/a.txt"))).isEqualTo("finally");
        assertThat(records(messages)).extracting(record -> record.fileReference().sourceFileRelativePath())
                .containsExactly("articles/a.txt");
        assertThat(broken.get()).isPositive();
        Output output = new Output(messages, 1);
        // The stream's error first (then the run's summary), naming the download request.
        assertThat(output.errors()).isNotEmpty();
        assertThat(output.errors().get(0).internalMessage()).contains(api.url("/download/broken"));
        assertThat(output.errors().get(0).streamDescriptor().name()).isEqualTo("articles");
        assertThat(staging.resolve("articles/b.txt")).doesNotExist();
    }

    @Test
    void aStateDelegatingStreamWithAFileUploaderIsRefusedAtValidation() {
        String inner = """
                type: DeclarativeStream
                name: articles
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "https://example.com", path: /articles}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                file_uploader:
                  type: FileUploader
                  requester: {type: HttpRequester, url_base: "{{ download_target }}", path: ""}
                  download_target_extractor: {type: DpathExtractor, field_path: [url]}
                """;
        String yaml = """
                version: 6.0.0
                check: {stream_names: [articles]}
                streams:
                  - type: StateDelegatingStream
                    name: articles
                    full_refresh_stream:
                %s    incremental_stream:
                %s""".formatted(TestManifests.indent(inner, 6), TestManifests.indent(inner, 6));

        assertThatThrownBy(() -> TestManifests.bind(yaml)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("file_uploader is not supported on the streams of a StateDelegatingStream")
                .hasMessageContaining("line 4");
    }

    @Test
    void discoverMarksAFileTransferStreamFileBased() {
        DeclarativeSource withFiles = TestManifests.source(manifest(""), TestManifests.clockAt("2024-06-01T00:00:00Z"));
        String plain = manifest("").replaceAll("(?s)    file_uploader:.*", "");
        DeclarativeSource without = TestManifests.source(plain, TestManifests.clockAt("2024-06-01T00:00:00Z"));

        Map<Boolean, DeclarativeSource> sources = Map.of(true, withFiles, false, without);
        sources.forEach((fileBased, source) -> {
            AirbyteStream stream = ConnectorHarness.of(source).discover(api.config()).catalog().orElseThrow()
                    .streams().get(0);
            assertThat(stream.isFileBased()).isEqualTo(fileBased);
        });
    }
}

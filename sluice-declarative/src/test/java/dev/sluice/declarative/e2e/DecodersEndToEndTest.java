package dev.sluice.declarative.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.fixtures.JsonAssertions;
import dev.sluice.protocol.Json;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Non-JSON bodies through a whole manifest: XML with cursor pagination, gzipped CSV, lines of text. */
class DecodersEndToEndTest {

    @RegisterExtension
    final MockApi api = new MockApi();
    private final ManifestRun run = new ManifestRun(api);

    private static String retriever(String decoder, String fieldPath, String paginator) {
        return ManifestRun.stream("""
                retriever:
                  type: SimpleRetriever
                  decoder: %s
                  requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: /export}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: %s}}
                  paginator: %s
                """.formatted(decoder, fieldPath, paginator));
    }

    @Test
    void xmlWithACursorFromTheDocument() {
        api.on("GET", "/export", request -> new MockResponse.Builder().setHeader("Content-Type", "application/xml")
                .body(request.getUrl().queryParameter("cursor") == null
                        ? "<Response><Items><Item id=\"1\"><Name>Ada</Name></Item><Item id=\"2\"><Name>Bob</Name></Item>"
                                + "</Items><Next>c2</Next></Response>"
                        : "<Response><Items><Item id=\"3\"><Name>Cy</Name></Item></Items></Response>").build());

        Output output = run.read(retriever("{type: XmlDecoder}", "[Response, Items, Item]", """
                {type: DefaultPaginator, page_token_option: {type: RequestOption, inject_into: request_parameter, \
                field_name: cursor}, pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.Response.Next }}"}}"""));

        assertThat(output.exitCode()).as("%s", output.errors()).isZero();
        JsonAssertions.assertJson(Json.MAPPER.valueToTree(output.records("items")),
                "[{\"@id\": \"1\", \"Name\": \"Ada\"}, {\"@id\": \"2\", \"Name\": \"Bob\"}, {\"@id\": \"3\", \"Name\": \"Cy\"}]");
        assertThat(api.targets()).containsExactly("GET /export", "GET /export?cursor=c2");
    }

    @Test
    void gzippedCsv() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("id;name\n1;Ada\n2;\n".getBytes(StandardCharsets.UTF_8));
        }
        api.on("GET", "/export", new MockResponse.Builder().setHeader("Content-Type", "application/gzip")
                .body(new Buffer().write(bytes.toByteArray())).build());

        Output output = run.read(retriever("{type: GzipDecoder, decoder: {type: CsvDecoder, delimiter: ';', "
                + "set_values_to_none: ['']}}", "[]", "{type: NoPagination}"));

        assertThat(output.exitCode()).as("%s", output.errors()).isZero();
        JsonAssertions.assertJson(Json.MAPPER.valueToTree(output.records("items")),
                "[{\"id\": \"1\", \"name\": \"Ada\"}, {\"id\": \"2\", \"name\": null}]");
    }

    @Test
    void linesOfText() {
        api.on("GET", "/export", new MockResponse.Builder().body("US\nFR\r\nDE\n").build());

        Output output = run.read(retriever("{type: IterableDecoder}", "[]", "{type: NoPagination}"));

        JsonAssertions.assertJson(Json.MAPPER.valueToTree(output.records("items")),
                "[{\"record\": \"US\"}, {\"record\": \"FR\"}, {\"record\": \"DE\"}]");
    }
}

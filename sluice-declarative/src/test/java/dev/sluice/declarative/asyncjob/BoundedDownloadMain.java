package dev.sluice.declarative.asyncjob;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.io.BufferedWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A whole async report read in its own JVM, for {@link BoundedMemoryTest} (which starts it with a small heap): a
 * report API on the JDK's HTTP server, whose file is a gzip'd CSV of {@code rows} rows generated while it is
 * sent, so neither side ever holds the file; the source reads it through a {@code ResponseToFileExtractor} and
 * the records are counted, not kept. Prints {@code rows=<n> last=<id> maxUsedMb=<m>}.
 */
public final class BoundedDownloadMain {

    static final String MANIFEST = """
            version: 6.44.0
            check: {type: CheckStream, stream_names: [report]}
            streams:
              - type: DeclarativeStream
                name: report
                schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}
                retriever:
                  type: AsyncRetriever
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                  creation_requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: /reports, http_method: POST}
                  polling_requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: "/reports/{{ creation_response.id }}"}
                  status_extractor: {type: DpathExtractor, field_path: [status]}
                  status_mapping: {running: [running], completed: [completed], failed: [failed], timeout: []}
                  download_target_extractor: {type: DpathExtractor, field_path: [url]}
                  download_requester: {type: HttpRequester, url: "{{ download_target }}"}
                  download_extractor: {type: ResponseToFileExtractor}
            """;

    private BoundedDownloadMain() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/reports", exchange -> {
            String path = exchange.getRequestURI().getPath();
            respond(exchange, path.equals("/reports") ? "{\"id\": \"r1\"}"
                    : "{\"status\": \"completed\", \"url\": \"" + base + "/files/r1\"}");
        });
        server.createContext("/files", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, 0);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(exchange.getResponseBody(), 64 * 1024), StandardCharsets.UTF_8))) {
                writeCsv(out, rows);
            }
        });
        server.start();
        Runtime runtime = Runtime.getRuntime();
        long[] counted = {0};
        long[] maxUsed = {0};
        String[] last = {""};
        try (RunContext run = RunContext.named("bounded-download")) {
            DeclarativeSource source = ManifestSources.fromYaml(MANIFEST);
            Config config = Config.of((ObjectNode) Json.object().put("base_url", base));
            Stream stream = source.streams(config, run).get(0);
            stream.read(ReadRequest.fullRefresh(run), new StreamSink() {
                @Override
                public void record(ObjectNode data) {
                    counted[0]++;
                    last[0] = data.get("id").asText();
                    if (counted[0] % 10_000 == 0) {
                        maxUsed[0] = Math.max(maxUsed[0], runtime.totalMemory() - runtime.freeMemory());
                    }
                }

                @Override
                public void checkpoint(StreamState state) {
                }
            });
        } finally {
            server.stop(0);
        }
        System.out.println("rows=" + counted[0] + " last=" + last[0] + " maxUsedMb=" + maxUsed[0] / (1024 * 1024));
    }

    /** Rows of about 120 characters, each different, so the gzip'd file is not trivially small either. */
    static void writeCsv(Writer out, int rows) throws IOException {
        out.write("id,name,email,country,score,comment\n");
        for (int i = 1; i <= rows; i++) {
            out.write(i + ",user " + i + ",user" + i + "@example.com," + (i % 2 == 0 ? "NA" : "FR") + ","
                    + (i * 7919L % 1000) + ",\"a comment, quoted, for row " + i + " of the report\"\n");
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

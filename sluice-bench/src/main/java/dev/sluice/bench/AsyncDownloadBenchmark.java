package dev.sluice.bench;

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
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * An async report of a million CSV rows, end to end: a report API on the JDK's HTTP server creates a job, says it
 * completed, and serves a gzip'd CSV generated while it is sent; the declarative source reads it through an
 * {@code AsyncRetriever} with a {@code ResponseToFileExtractor} (body to disk, rows read back one at a time). The
 * records are counted, not kept. Prints rows, seconds, rows per second and the largest heap in use to standard
 * error. Not part of any test run.
 *
 * <p>Usage: {@code java -Xmx64m -cp <sluice-bench classpath> dev.sluice.bench.AsyncDownloadBenchmark [rows]}
 * (1,000,000 rows by default; a small heap shows the memory stays bounded).
 */
public final class AsyncDownloadBenchmark {

    private static final String MANIFEST = """
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

    private AsyncDownloadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/reports", exchange -> respond(exchange, exchange.getRequestURI().getPath()
                .equals("/reports") ? "{\"id\": \"r1\"}" : "{\"status\": \"completed\", \"url\": \"" + base
                + "/files/r1\"}"));
        server.createContext("/files", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, 0);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(exchange.getResponseBody(), 64 * 1024), StandardCharsets.UTF_8))) {
                out.write("id,name,email,country,score,comment\n");
                for (int i = 1; i <= rows; i++) {
                    out.write(i + ",user " + i + ",user" + i + "@example.com," + (i % 2 == 0 ? "NA" : "FR") + ","
                            + (i * 7919L % 1000) + ",\"a comment, quoted, for row " + i + " of the report\"\n");
                }
            }
        });
        server.start();
        Runtime runtime = Runtime.getRuntime();
        long[] counted = {0};
        long[] maxUsed = {0};
        long start = System.nanoTime();
        try (RunContext run = RunContext.named("async-download-benchmark")) {
            DeclarativeSource source = ManifestSources.fromYaml(MANIFEST);
            Stream stream = source.streams(Config.of((ObjectNode) Json.object().put("base_url", base)), run).get(0);
            stream.read(ReadRequest.fullRefresh(run), new StreamSink() {
                @Override
                public void record(ObjectNode data) {
                    counted[0]++;
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
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("rows=%d seconds=%.1f rows/s=%.0f maxUsedMb=%d maxHeapMb=%d%n", counted[0], seconds,
                counted[0] / seconds, maxUsed[0] / (1024 * 1024), runtime.maxMemory() / (1024 * 1024));
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

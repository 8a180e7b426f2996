package dev.sluice.declarative.asyncjob;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import dev.sluice.testkit.MockApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A report API on a {@link MockApi}: {@code POST /reports} creates a job ({@code job-1}, {@code job-2}, ...),
 * {@code GET /reports/<id>} answers the job's next scripted status (the last one again once the script is used up),
 * with the URL of its file once completed; {@code GET /files/<id>} serves the job's CSV gzip'd;
 * {@code POST /reports/<id>/cancel} and {@code POST /reports/<id>/delete} are recorded. It also counts the jobs
 * running at once (created, not yet reported completed, failed or cancelled).
 */
final class ReportApi {

    private final MockApi api;
    private final List<List<String>> scripts;
    private final Map<String, List<String>> remaining = new HashMap<>();
    private final Map<String, JsonNode> creationBodies = new LinkedHashMap<>();
    private final List<String> events = new ArrayList<>();
    private final Map<String, String> csvByJob = new HashMap<>();
    private int created;
    private int active;
    private int maxActive;

    /** Job n follows {@code scripts[n-1]} (the last script for later jobs). */
    ReportApi(MockApi api, List<List<String>> scripts) {
        this.api = api;
        this.scripts = scripts;
        api.otherwise(this::handle);
    }

    /** The CSV a job's file holds (the same for every job unless set per job). */
    ReportApi csv(String jobId, String csv) {
        synchronized (this) {
            csvByJob.put(jobId, csv);
        }
        return this;
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized Map<String, JsonNode> creationBodies() {
        return new LinkedHashMap<>(creationBodies);
    }

    synchronized int maxActive() {
        return maxActive;
    }

    private synchronized MockResponse handle(RecordedRequest request) {
        String method = request.getMethod();
        String path = request.getUrl().encodedPath();
        events.add(method + " " + path);
        String[] parts = path.substring(1).split("/");
        if (method.equals("POST") && path.equals("/reports")) {
            created++;
            String id = "job-" + created;
            remaining.put(id, new ArrayList<>(scripts.get(Math.min(created, scripts.size()) - 1)));
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            creationBodies.put(id, body.isEmpty() ? Json.object() : parse(body));
            active++;
            maxActive = Math.max(maxActive, active);
            return MockApi.json("{\"id\": \"" + id + "\"}");
        }
        if (method.equals("GET") && parts.length == 2 && parts[0].equals("reports")) {
            List<String> script = remaining.get(parts[1]);
            String status = script.size() > 1 ? script.remove(0) : script.get(0);
            if (!status.equals("pending") && !status.equals("running") && !status.equals("done")) {
                active--;
            }
            if (status.equals("completed")) {
                script.set(0, "done");
            }
            String shown = status.equals("done") ? "completed" : status;
            return MockApi.json("{\"status\": \"" + shown + "\", \"url\": \"" + api.url("/files/" + parts[1])
                    + "\"}");
        }
        if (method.equals("GET") && parts.length == 2 && parts[0].equals("files")) {
            String csv = csvByJob.getOrDefault(parts[1], csvByJob.getOrDefault("*", "id\n"));
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/csv; charset=utf-8")
                    .body(new Buffer().write(gzip(csv))).build();
        }
        if (method.equals("POST") && parts.length == 3 && parts[2].equals("cancel")) {
            active--;
            return MockApi.json("{}");
        }
        if (method.equals("POST") && parts.length == 3 && parts[2].equals("delete")) {
            return MockApi.json("{}");
        }
        return MockApi.json(404, "{\"error\": \"no route " + method + " " + path + "\"}");
    }

    private static JsonNode parse(String body) {
        try {
            return Json.parse(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

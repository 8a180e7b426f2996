package dev.sluice.declarative;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A local API with a parent/child endpoint pair, for end-to-end tests:
 * {@code GET /projects?updated_after=T} (projects updated strictly after T) and
 * {@code GET /projects/{id}/tasks?updated_after=A&updated_before=B&page=N} (tasks with A < updated_at <= B, two per
 * page). Every request is recorded as {@link #describe} writes it; requests listed in {@link #failing}
 * answer 400; every answer can be delayed.
 */
final class ProjectsApi extends Dispatcher {

    record Project(int id, String updatedAt) {
    }

    record Task(int id, int projectId, String updatedAt) {
    }

    private static final Pattern TASKS = Pattern.compile("/projects/(\\d+)/tasks");
    private static final int PAGE_SIZE = 2;

    private final List<Project> projects = new CopyOnWriteArrayList<>();
    private final List<Task> tasks = new CopyOnWriteArrayList<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    volatile long latencyMillis;

    void project(int id, String updatedAt) {
        projects.removeIf(project -> project.id() == id);
        projects.add(new Project(id, updatedAt));
    }

    void task(int id, int projectId, String updatedAt) {
        tasks.add(new Task(id, projectId, updatedAt));
    }

    /** Every request as {@code path?query}, in arrival order. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clearRequests() {
        requests.clear();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        requests.add(describe(url));
        MockResponse.Builder response = new MockResponse.Builder().addHeader("Content-Type", "application/json");
        if (latencyMillis > 0) {
            response.headersDelay(latencyMillis, TimeUnit.MILLISECONDS);
        }
        if (failing.contains(describe(url))) {
            return response.code(400).body("{\"error\": \"bad request\"}").build();
        }
        Instant after = instant(url.queryParameter("updated_after"), Instant.MIN);
        Instant before = instant(url.queryParameter("updated_before"), Instant.MAX);
        if (url.encodedPath().equals("/projects")) {
            List<ObjectNode> found = projects.stream().filter(p -> Instant.parse(p.updatedAt()).isAfter(after))
                    .sorted(Comparator.comparingInt(Project::id))
                    .map(p -> Json.object().put("id", p.id()).put("updated_at", p.updatedAt())).toList();
            return response.body(page(found)).build();
        }
        Matcher matcher = TASKS.matcher(url.encodedPath());
        if (!matcher.matches()) {
            return response.code(404).body("{}").build();
        }
        int projectId = Integer.parseInt(matcher.group(1));
        List<ObjectNode> found = tasks.stream().filter(t -> t.projectId() == projectId)
                .filter(t -> Instant.parse(t.updatedAt()).isAfter(after) && !Instant.parse(t.updatedAt()).isAfter(before))
                .sorted(Comparator.comparingInt(Task::id))
                .map(t -> Json.object().put("id", t.id()).put("project_id", t.projectId())
                        .put("updated_at", t.updatedAt())).toList();
        int pageNumber = url.queryParameter("page") == null ? 1 : Integer.parseInt(url.queryParameter("page"));
        int from = Math.min(found.size(), (pageNumber - 1) * PAGE_SIZE);
        return response.body(page(found.subList(from, Math.min(found.size(), from + PAGE_SIZE)))).build();
    }

    /** {@code path?a=1&b=2}: the decoded query parameters sorted by name, so that tests need not know their order. */
    static String describe(HttpUrl url) {
        List<String> parameters = new ArrayList<>();
        for (String name : url.queryParameterNames()) {
            url.queryParameterValues(name).forEach(value -> parameters.add(name + "=" + value));
        }
        Collections.sort(parameters);
        return url.encodedPath() + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    private static String page(List<ObjectNode> records) {
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        records.forEach(data::add);
        return Json.write(body);
    }

    private static Instant instant(String text, Instant fallback) {
        return text == null ? fallback : Instant.parse(text);
    }
}

package dev.sluice.declarative.auth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher with a queue of responses per path (a token endpoint and an API on one server).
 * A path's last response repeats when it is marked {@code always}; a request nobody expected gets a 599 and
 * is reported by {@link #unexpected()}.
 */
final class Routes extends Dispatcher {

    private final Map<String, Deque<MockResponse>> queues = new LinkedHashMap<>();
    private final Map<String, MockResponse> always = new LinkedHashMap<>();
    private final Map<String, List<RecordedRequest>> received = new LinkedHashMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Runnable>> afterServing = new LinkedHashMap<>();

    synchronized Routes on(String path, MockResponse... responses) {
        queues.computeIfAbsent(path, key -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    synchronized Routes always(String path, MockResponse response) {
        always.put(path, response);
        return this;
    }

    /** Runs {@code action} once, right after the next response for {@code path} is chosen. */
    synchronized Routes afterServing(String path, Runnable action) {
        afterServing.computeIfAbsent(path, key -> new ArrayDeque<>()).add(action);
        return this;
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse json(String body) {
        return json(200, body);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        received.computeIfAbsent(path, key -> new ArrayList<>()).add(request);
        Runnable action = afterServing.getOrDefault(path, new ArrayDeque<>()).poll();
        if (action != null) {
            action.run();
        }
        Deque<MockResponse> queue = queues.get(path);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        MockResponse fallback = always.get(path);
        if (fallback != null) {
            return fallback;
        }
        unexpected.add(request.getRequestLine());
        return json(599, "{\"message\": \"unexpected request\"}");
    }

    synchronized List<RecordedRequest> requests(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    /** Every response queued for {@code path} was served. */
    synchronized boolean drained(String path) {
        Deque<MockResponse> queue = queues.get(path);
        return queue == null || queue.isEmpty();
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }
}

package dev.sluice.examples.demo.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Every data request the demo API has seen, oldest first: health checks included, {@code /_admin/} calls not.
 *
 * <p>A request is recorded as soon as it has been read, before latency, faults or the response; so once a client
 * has seen any outcome (even a reset connection), its request is here and tests need not wait. The log keeps the
 * newest {@value #CAPACITY} requests so that a long-running demo server does not grow without bound.
 *
 * <p>Thread-safe; the lists returned are snapshots.
 */
public final class RequestLog {

    public static final int CAPACITY = 10_000;

    private final Deque<RecordedRequest> requests = new ArrayDeque<>();

    RequestLog() {
    }

    synchronized void record(RecordedRequest request) {
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    /** All recorded requests, oldest first. */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /** The recorded requests to one path ({@code /employees}), oldest first. */
    public synchronized List<RecordedRequest> forPath(String path) {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (request.path().equals(path)) {
                matching.add(request);
            }
        }
        return List.copyOf(matching);
    }

    public synchronized Optional<RecordedRequest> last() {
        return Optional.ofNullable(requests.peekLast());
    }

    public synchronized int size() {
        return requests.size();
    }

    /** Forgets every recorded request and returns how many there were. */
    public synchronized int clear() {
        int count = requests.size();
        requests.clear();
        return count;
    }
}

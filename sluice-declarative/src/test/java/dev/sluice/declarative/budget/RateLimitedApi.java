package dev.sluice.declarative.budget;

import dev.sluice.testkit.MockApi;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A paginated API that refuses (429) a request when more than {@code perSecond} arrived in the second before it,
 * counting every arrival; it answers each page after a few milliseconds, as a real API would, and notes how many
 * requests were in flight at once.
 */
final class RateLimitedApi {

    private final int perSecond;
    private final int pages;
    private final Deque<Long> arrivals = new ArrayDeque<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    RateLimitedApi(int perSecond, int pages) {
        this.perSecond = perSecond;
        this.pages = pages;
    }

    RateLimitedApi serveOn(MockApi api) {
        api.otherwise(this::answer);
        return this;
    }

    int refused() {
        return refused.get();
    }

    int served() {
        return served.get();
    }

    int mostInFlight() {
        return mostInFlight.get();
    }

    private MockResponse answer(RecordedRequest request) {
        if (overLimit()) {
            refused.incrementAndGet();
            return MockApi.json(429, "{\"error\": \"too many requests\"}");
        }
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
        served.incrementAndGet();
        String part = request.getUrl().queryParameter("part");
        String pageParameter = request.getUrl().queryParameter("page");
        int page = pageParameter == null ? 1 : Integer.parseInt(pageParameter);
        String next = page < pages ? Integer.toString(page + 1) : "null";
        return MockApi.json("{\"items\": [{\"id\": \"" + part + "-" + page + "\"}], \"next\": " + next + "}");
    }

    private synchronized boolean overLimit() {
        long now = System.nanoTime();
        while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= 1_000_000_000L) {
            arrivals.removeFirst();
        }
        arrivals.addLast(now);
        return arrivals.size() > perSecond;
    }
}

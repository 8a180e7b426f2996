package dev.sluice.testkit.http;

import dev.sluice.testkit.ReceivedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One expected request of an {@link HttpMocker} and how it is answered. Declared by
 * {@link HttpMocker#expect(ExpectedRequest)}; then give its replies:
 *
 * <pre>{@code
 * http.expect(ExpectedRequest.get("/items")).respond(firstPage, lastPage);    // two calls, in turn
 * http.expect(ExpectedRequest.get("/events").anyQuery())
 *         .respond(request -> eventsSince(request.queryParameter("since"))); // computed from the request
 * http.expect(ExpectedRequest.get("/ping")).respond(Reply.json("{}")).times(3);
 * }</pre>
 *
 * <p>Replies are given in turn and the last one repeats. The request must be sent at least once per reply
 * declared (once for a computed reply), or exactly {@link #times(int)} times when that is set: fewer fails the
 * test when the mocker is verified, and with {@code times} a further request is unexpected.
 */
public final class Expectation {

    private final Object lock;
    private final ExpectedRequest request;
    private final List<Function<ReceivedRequest, Reply>> replies = new ArrayList<>();
    private @Nullable Integer exactly;
    private int calls;

    Expectation(Object lock, ExpectedRequest request) {
        this.lock = lock;
        this.request = Objects.requireNonNull(request, "request is null");
    }

    /** Answers with these replies in turn; the last one repeats. */
    public Expectation respond(Reply... answers) {
        if (answers.length == 0) {
            throw new IllegalArgumentException("respond needs at least one reply");
        }
        synchronized (lock) {
            for (Reply reply : answers) {
                Objects.requireNonNull(reply, "reply is null");
                replies.add(sent -> reply);
            }
        }
        return this;
    }

    /** Answers with a reply computed from the request (a {@code since} parameter, a page number, a body). */
    public Expectation respond(Function<ReceivedRequest, Reply> answer) {
        Objects.requireNonNull(answer, "answer is null");
        synchronized (lock) {
            replies.add(answer);
        }
        return this;
    }

    /** The request must be sent exactly {@code count} times; a further one is unexpected. */
    public Expectation times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an expected request is sent at least once, not " + count);
        }
        synchronized (lock) {
            exactly = count;
        }
        return this;
    }

    /** The request this expects. */
    public ExpectedRequest request() {
        return request;
    }

    /** How many requests it answered so far. */
    public int calls() {
        synchronized (lock) {
            return calls;
        }
    }

    /** Called under the lock: whether it takes one more request. */
    boolean isExhausted() {
        return exactly != null && calls >= exactly;
    }

    /** Called under the lock: counts the call and gives its answer. */
    Function<ReceivedRequest, Reply> take() {
        calls++;
        if (replies.isEmpty()) {
            return sent -> Reply.json(500, "{\"error\": \"no reply declared for " + request.toString()
                    .replace("\"", "'") + "\"}");
        }
        return replies.get(Math.min(calls - 1, replies.size() - 1));
    }

    /** Called under the lock: why the calls fall short, or null when they do not. */
    @Nullable String shortfall() {
        int expected = exactly != null ? exactly : Math.max(1, replies.size());
        if (calls >= expected) {
            return null;
        }
        return request + ": expected " + (exactly != null ? "exactly " : "at least ") + expected
                + (expected == 1 ? " call" : " calls") + " but " + (calls == 0 ? "it was never sent" : "got " + calls);
    }

    @Override
    public String toString() {
        return request.toString();
    }
}

package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.SyncMode;
import dev.sluice.source.CursorTracker;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.RunContext;
import dev.sluice.source.Slice;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Base class for code-first streams over an HTTP API: say where the records are ({@link #urlBase()},
 * {@link #path}), how to page ({@link #nextPageToken}) and how to read a page ({@link #parseResponse}); this
 * class sends the requests with retries, timeouts and authentication, and checkpoints.
 *
 * <p>How it checkpoints depends on the stream:
 * <ul>
 *   <li>with a {@link #cursorField()}: incremental; the state is {@code {<cursor>: <greatest value>}}, written
 *       after every slice (and every {@link #checkpointInterval()} records when positive);</li>
 *   <li>without one, and with a single slice: resumable full refresh; the state is the next page's token,
 *       written after every page, then {@code {"__ab_full_refresh_sync_complete": true}};</li>
 *   <li>otherwise (several slices, or {@link #isResumable()} false): one final state at the end.</li>
 * </ul>
 */
public abstract class HttpStream implements Stream {

    /** The API's base URL, e.g. {@code https://api.example.com/v1/} (keep the trailing slash). */
    protected abstract String urlBase();

    /** The path of a request, joined to {@link #urlBase()}; an absolute URL replaces it. */
    protected abstract String path(Slice slice, @Nullable ObjectNode pageToken);

    /** The token of the next page, or null after the last page. */
    protected abstract @Nullable ObjectNode nextPageToken(HttpResponse response);

    /** The records of one response, in order. */
    protected abstract List<ObjectNode> parseResponse(HttpResponse response, Slice slice);

    protected String httpMethod() {
        return "GET";
    }

    /** Query parameters; the page token's parameters are the subclass's business (usually added here). */
    protected Map<String, String> requestParameters(Slice slice, StreamState state, @Nullable ObjectNode pageToken) {
        return Map.of();
    }

    protected Map<String, String> requestHeaders(Slice slice, StreamState state, @Nullable ObjectNode pageToken) {
        return Map.of();
    }

    /** A JSON body, sent for POST, PUT and PATCH. */
    protected @Nullable JsonNode requestBodyJson(Slice slice, StreamState state, @Nullable ObjectNode pageToken) {
        return null;
    }

    /** The slices to read for this state, in order; one empty slice by default. */
    protected List<Slice> slices(StreamState state) {
        return List.of(Slice.EMPTY);
    }

    /** Checkpoint every N records within a slice (incremental only; records must be sorted by cursor). */
    protected int checkpointInterval() {
        return 0;
    }

    protected Authenticator authenticator() {
        return Authenticator.NONE;
    }

    /** The reference's default status mapping. */
    protected ErrorClassifier errorClassifier() {
        return DefaultErrorMapping.INSTANCE;
    }

    /** The reference's retry defaults, honouring {@code Retry-After} before exponential backoff. */
    protected RetryPolicy retryPolicy() {
        return RetryPolicy.DEFAULT.withBackoffStrategies(List.of(new RetryAfterBackoff(clock())));
    }

    /** The transport requests go through: by default the run's ({@link HttpTransport#SERVICE}). */
    protected HttpTransport transport(RunContext run) {
        return run.service(HttpTransport.SERVICE);
    }

    protected Sleeper sleeper() {
        return Sleeper.SYSTEM;
    }

    protected Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public boolean isResumable() {
        return true;
    }

    @Override
    public final void read(ReadRequest request, StreamSink sink) {
        StreamState state = request.syncMode() == SyncMode.INCREMENTAL || cursorField().isEmpty()
                ? request.state() : StreamState.empty();
        // One executor per read, over the run's transport: nothing is cached across runs.
        HttpExecutor executor = new HttpExecutor(transport(request.run()), errorClassifier(), retryPolicy(),
                authenticator(), sleeper(), clock()).inRun(request.run());
        if (!cursorField().isEmpty()) {
            readIncremental(executor, state, sink);
            return;
        }
        List<Slice> slices = slices(state);
        if (isResumable() && slices.size() == 1) {
            readResumable(executor, slices.get(0), state, sink);
        } else {
            for (Slice slice : slices) {
                readPages(executor, slice, StreamState.empty(), sink, null);
            }
        }
    }

    private void readIncremental(HttpExecutor executor, StreamState state, StreamSink sink) {
        CursorTracker tracker = new CursorTracker(cursorField(), state);
        for (Slice slice : slices(state)) {
            readPages(executor, slice, state, sink, tracker);
            sink.checkpoint(tracker.stateFrom(state));
        }
    }

    private void readResumable(HttpExecutor executor, Slice slice, StreamState state, StreamSink sink) {
        if (state.isFullRefreshComplete()) {
            return;
        }
        ObjectNode token = state.isEmpty() ? null : state.json().deepCopy();
        do {
            HttpResponse response = fetch(executor, slice, state, token);
            parseResponse(response, slice).forEach(sink::record);
            token = followingToken(response, token);
            sink.checkpoint(token == null ? StreamState.fullRefreshComplete() : new StreamState(token));
        } while (token != null);
    }

    private void readPages(HttpExecutor executor, Slice slice, StreamState state, StreamSink sink,
            @Nullable CursorTracker tracker) {
        ObjectNode token = null;
        int interval = checkpointInterval();
        long count = 0;
        do {
            HttpResponse response = fetch(executor, slice, state, token);
            for (ObjectNode record : parseResponse(response, slice)) {
                sink.record(record);
                if (tracker != null) {
                    tracker.observe(record);
                    count++;
                    if (interval > 0 && count % interval == 0) {
                        sink.checkpoint(tracker.stateFrom(state));
                    }
                }
            }
            token = followingToken(response, token);
        } while (token != null);
    }

    /**
     * The next page's token; the same token twice in a row ends the stream with an error instead of requesting the
     * same page forever (divergences.md §3).
     */
    private @Nullable ObjectNode followingToken(HttpResponse response, @Nullable ObjectNode current) {
        ObjectNode next = nextPageToken(response);
        PageTokens.requireAdvanced(next, current, response.request());
        return next;
    }

    /**
     * Sends one page's request and returns the response; the JSON body is parsed inside the retry loop so that
     * a malformed page is retried. An ignored error response yields an empty page.
     */
    private HttpResponse fetch(HttpExecutor executor, Slice slice, StreamState state, @Nullable ObjectNode token) {
        URI uri = Urls.appendQuery(Urls.join(urlBase(), path(slice, token)),
                requestParameters(slice, state, token));
        HttpRequest request = new HttpRequest(httpMethod(), uri, requestHeaders(slice, state, token), null);
        JsonNode body = requestBodyJson(slice, state, token);
        if (body != null) {
            request = request.withBody(Json.write(body).getBytes(StandardCharsets.UTF_8), "application/json");
        }
        HttpRequest sent = request;
        Optional<HttpResponse> response = executor.send(request, r -> {
            r.json();
            return r;
        });
        return response.orElseGet(() -> HttpResponse.empty(sent, 204));
    }
}

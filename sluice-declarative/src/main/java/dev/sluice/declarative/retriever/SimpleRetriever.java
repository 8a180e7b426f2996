package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.decoder.StreamingJson;
import dev.sluice.declarative.extractor.RecordSelector;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.paginator.Page;
import dev.sluice.declarative.paginator.Paginator;
import dev.sluice.declarative.requester.HttpRequester;
import dev.sluice.http.PageTokens;
import dev.sluice.http.PaginationResetRequiredException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtime of {@link SimpleRetrieverSpec}: the page loop. A page whose response the error handler ignored ends
 * the slice; a next token equal to the current one is a loop and fails the stream (the reference would request
 * the same page forever). With query properties, each page is one request per property chunk
 * ({@link ChunkedPageReader}). A {@code RESET_PAGINATION} response, or the {@code pagination_reset} limit, restarts the
 * slice from its first page ({@link PaginationTracker}).
 */
public final class SimpleRetriever implements StreamRetriever {

    private static final Logger log = LoggerFactory.getLogger(SimpleRetriever.class);

    private final HttpRequester requester;
    private final RecordSelector selector;
    private final Paginator paginator;
    private final boolean ignoreSlicerOptionsWhenPaginating;
    private final InterpolationContext interpolation;
    private final @Nullable ChunkedPageReader chunks;
    private final @Nullable StreamingJson streaming;
    private final String streamName;
    private final @Nullable PaginationResetSpec reset;
    /** Pages read of a slice at most (a test read's {@code max_pages_per_slice}; else unlimited). */
    private final int maxPages;

    SimpleRetriever(HttpRequester requester, RecordSelector selector, Paginator paginator,
            boolean ignoreSlicerOptionsWhenPaginating, InterpolationContext interpolation,
            @Nullable ChunkedPageReader chunks, @Nullable StreamingJson streaming, String streamName,
            @Nullable PaginationResetSpec reset, int maxPages) {
        this.maxPages = maxPages;
        this.requester = requester;
        this.selector = selector;
        this.paginator = paginator;
        this.ignoreSlicerOptionsWhenPaginating = ignoreSlicerOptionsWhenPaginating;
        this.interpolation = interpolation;
        this.chunks = chunks;
        this.streaming = streaming;
        this.streamName = streamName;
        this.reset = reset;
    }

    /** Whether pages are read while their bodies stream in (else each body is read whole first). */
    boolean streamsPages() {
        return streaming != null;
    }

    /** The same retriever sending at most {@code concurrency} chunk requests of a page at a time. */
    SimpleRetriever withChunkConcurrency(int concurrency) {
        return new SimpleRetriever(requester, selector, paginator, ignoreSlicerOptionsWhenPaginating, interpolation,
                chunks == null ? null : chunks.withConcurrency(concurrency), streaming, streamName, reset, maxPages);
    }

    @Override
    public void read(StreamSlice slice, RequestOptions sliceOptions, RecordGate gate, Consumer<ObjectNode> records) {
        read(slice, SliceRequests.fixed(sliceOptions), gate, records);
    }

    /**
     * The page loop of one slice. Templates of the records (transformations, filters) always see {@code original};
     * after a reset the requests are made for the narrowed slice, from the paginator's initial token.
     */
    @Override
    public void read(StreamSlice original, SliceRequests requests, RecordGate gate, Consumer<ObjectNode> records) {
        PaginationTracker tracker = tracker(requests);
        Consumer<ObjectNode> observed = record -> {
            tracker.observe(record);
            records.accept(record);
        };
        ChunkedPageReader.Tally tally = new ChunkedPageReader.Tally();
        StreamSlice slice = original;
        RequestOptions sliceOptions = requests.options(slice);
        JsonNode token = paginator.initialToken();
        boolean paginated = false;
        int pages = 0;
        while (true) {
            RequestOptions options = paginator.requestOptions(token);
            if (!(paginated && ignoreSlicerOptionsWhenPaginating)) {
                options = options.plus(sliceOptions);
            }
            RecordContext context = RecordContext.of(interpolation, original, token);
            Optional<Page> page;
            boolean resetRequired = false;
            try {
                page = chunks == null ? readPage(slice, token, options, context, gate, observed)
                        : chunks.read(slice, token, options, paginator.path(token), context, gate, observed, tally);
            } catch (PaginationResetRequiredException e) {
                page = Optional.empty();
                resetRequired = true;
            }
            if (!resetRequired && page.isEmpty()) {
                break;
            }
            if (resetRequired || tracker.reachedLimit()) {
                StreamSlice previous = slice;
                slice = tracker.afterReset(previous, original);
                log.info("Hitting PaginationReset event. StreamSlice used will go from {} to {}", previous.merged(),
                        slice.merged());
                sliceOptions = requests.options(slice);
                token = paginator.initialToken();
                paginated = false;
                continue;
            }
            ObjectNode last = page.get().lastRecord();
            if (last != null && gate.stopAfter(last)) {
                break;
            }
            pages++;
            if (pages >= maxPages) {
                // As the reference's PaginatorTestReadDecorator: no next token once the limit is reached.
                break;
            }
            JsonNode next = paginator.nextToken(page.get());
            if (next == null || next.isNull()) {
                break;
            }
            PageTokens.requireAdvanced(next, token, page.get().response().request());
            token = next;
            paginated = true;
        }
        if (chunks != null) {
            chunks.finish(original, tally);
        }
    }

    /** Without {@code pagination_reset}, a {@code RESET_PAGINATION} response still restarts the slice, once. */
    private PaginationTracker tracker(SliceRequests requests) {
        if (reset == null) {
            return new PaginationTracker(streamName, null, null);
        }
        boolean split = reset.action() == PaginationResetSpec.Action.SPLIT_USING_CURSOR;
        return new PaginationTracker(streamName, split ? requests.narrowing().orElse(null) : null,
                reset.recordLimit());
    }

    private Optional<Page> readPage(StreamSlice slice, @Nullable JsonNode token, RequestOptions options,
            RecordContext context, RecordGate gate, Consumer<ObjectNode> records) {
        if (streaming != null) {
            return streamPage(slice, token, options, context, gate, records, streaming);
        }
        Optional<DecodedResponse> response = requester.send(slice, token, options, paginator.path(token),
                sent -> new DecodedResponse(sent, selector.decode(sent)));
        if (response.isEmpty()) {
            return Optional.empty();
        }
        PageRecords counted = new PageRecords(records, gate);
        int raw = selector.select(response.get().documents(), context, counted);
        return Optional.of(counted.toPage(response.get(), raw, token));
    }

    /**
     * Reads a page while its body streams in, handing each record on as soon as it is parsed. When an attempt
     * breaks off mid-body and the request is retried, the records the broken attempt already handed on are skipped
     * (the API serves the same page again), so a retry neither loses nor repeats a record.
     */
    private Optional<Page> streamPage(StreamSlice slice, @Nullable JsonNode token, RequestOptions options,
            RecordContext context, RecordGate gate, Consumer<ObjectNode> records, StreamingJson json) {
        PageRecords counted = new PageRecords(records, gate);
        int[] delivered = {0};
        int[] extracted = {0};
        Optional<DecodedResponse> response = requester.stream(slice, token, options, paginator.path(token),
                (head, body) -> {
                    int skip = delivered[0];
                    int[] index = {0};
                    JsonNode document = json.extract(body, record -> {
                        index[0]++;
                        if (index[0] <= skip) {
                            return;
                        }
                        ObjectNode selected = selector.selectOne(record, context);
                        delivered[0] = index[0];
                        if (selected != null) {
                            counted.accept(selected);
                        }
                    });
                    extracted[0] = index[0];
                    return new DecodedResponse(head, List.of(document));
                });
        return response.map(page -> counted.toPage(page, extracted[0], token));
    }

    /**
     * How many records, merged from property chunks, missed one or more chunks since this retriever was built:
     * the API returned them for some chunk requests of their page and not for others. Each read that finds
     * some also logs a warning.
     */
    public long incompleteMergedRecords() {
        return chunks == null ? 0 : chunks.incompleteTotal();
    }
}

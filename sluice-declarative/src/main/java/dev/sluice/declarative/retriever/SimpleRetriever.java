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
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link SimpleRetrieverSpec}: the page loop. A page whose response the error handler ignored ends
 * the slice; a next token equal to the current one is a loop and fails the stream (the reference would request
 * the same page forever). With query properties, each page is one request per property chunk
 * ({@link ChunkedPageReader}).
 */
public final class SimpleRetriever implements StreamRetriever {

    private final HttpRequester requester;
    private final RecordSelector selector;
    private final Paginator paginator;
    private final boolean ignoreSlicerOptionsWhenPaginating;
    private final InterpolationContext interpolation;
    private final @Nullable ChunkedPageReader chunks;
    private final @Nullable StreamingJson streaming;
    /** Pages read of a slice at most (a test read's {@code max_pages_per_slice}; else unlimited). */
    private final int maxPages;

    SimpleRetriever(HttpRequester requester, RecordSelector selector, Paginator paginator,
            boolean ignoreSlicerOptionsWhenPaginating, InterpolationContext interpolation,
            @Nullable ChunkedPageReader chunks, @Nullable StreamingJson streaming) {
        this(requester, selector, paginator, ignoreSlicerOptionsWhenPaginating, interpolation, chunks, streaming,
                Integer.MAX_VALUE);
    }

    SimpleRetriever(HttpRequester requester, RecordSelector selector, Paginator paginator,
            boolean ignoreSlicerOptionsWhenPaginating, InterpolationContext interpolation,
            @Nullable ChunkedPageReader chunks, @Nullable StreamingJson streaming, int maxPages) {
        this.maxPages = maxPages;
        this.requester = requester;
        this.selector = selector;
        this.paginator = paginator;
        this.ignoreSlicerOptionsWhenPaginating = ignoreSlicerOptionsWhenPaginating;
        this.interpolation = interpolation;
        this.chunks = chunks;
        this.streaming = streaming;
    }

    /** Whether pages are read while their bodies stream in (else each body is read whole first). */
    boolean streamsPages() {
        return streaming != null;
    }

    /** The same retriever sending at most {@code concurrency} chunk requests of a page at a time. */
    SimpleRetriever withChunkConcurrency(int concurrency) {
        return new SimpleRetriever(requester, selector, paginator, ignoreSlicerOptionsWhenPaginating, interpolation,
                chunks == null ? null : chunks.withConcurrency(concurrency), streaming, maxPages);
    }

    @Override
    public void read(StreamSlice slice, RequestOptions sliceOptions, RecordGate gate, Consumer<ObjectNode> records) {
        ChunkedPageReader.Tally tally = new ChunkedPageReader.Tally();
        JsonNode token = paginator.initialToken();
        boolean paginated = false;
        int pages = 0;
        while (true) {
            RequestOptions options = paginator.requestOptions(token);
            if (!(paginated && ignoreSlicerOptionsWhenPaginating)) {
                options = options.plus(sliceOptions);
            }
            RecordContext context = RecordContext.of(interpolation, slice, token);
            Optional<Page> page = chunks == null ? readPage(slice, token, options, context, gate, records)
                    : chunks.read(slice, token, options, paginator.path(token), context, gate, records, tally);
            if (page.isEmpty()) {
                break;
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
            chunks.finish(slice, tally);
        }
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

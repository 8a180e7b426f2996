package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.extractor.RecordSelector;
import dev.sluice.declarative.paginator.Page;
import dev.sluice.declarative.requester.HttpRequester;
import dev.sluice.declarative.requester.properties.MergedPage;
import dev.sluice.declarative.requester.properties.PropertyChunking;
import dev.sluice.declarative.requester.properties.QueryProperties;
import dev.sluice.protocol.Json;
import dev.sluice.source.RunContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one page of a stream with query properties, as the reference does: one request per property chunk, all
 * with the same page token, the chunk in the slice's extra fields ({@code query_properties}); each response's
 * records go through the record selector; with {@code property_chunking} they are merged by key and come out
 * after the page's last chunk, in first-seen order, while records without a key come out as they are, in
 * arrival order. The last chunk's response and the page's record count drive pagination.
 *
 * <p>Unlike the reference, the chunk requests of a page run concurrently (at most {@code concurrency} at a
 * time), so a page costs about one request latency instead of one per chunk; results are still taken in chunk
 * order, so the output is the same. Thread-safe.
 */
final class ChunkedPageReader {

    private static final Logger log = LoggerFactory.getLogger(ChunkedPageReader.class);

    /** Chunk requests in flight per page; enough for HubSpot's and LinkedIn's chunk counts at one latency. */
    static final int DEFAULT_CONCURRENCY = 10;

    /** Merged records of one read of a slice, and how many of them missed a chunk. */
    static final class Tally {
        private long merged;
        private long incomplete;
    }

    private final String streamName;
    private final HttpRequester requester;
    private final RecordSelector selector;
    private final QueryProperties queryProperties;
    private final int concurrency;
    private final RunContext run;
    private final AtomicLong incompleteTotal = new AtomicLong();

    ChunkedPageReader(String streamName, HttpRequester requester, RecordSelector selector,
            QueryProperties queryProperties, int concurrency, RunContext run) {
        this.run = run;
        this.streamName = streamName;
        this.requester = requester;
        this.selector = selector;
        this.queryProperties = queryProperties;
        this.concurrency = concurrency;
    }

    ChunkedPageReader withConcurrency(int newConcurrency) {
        return new ChunkedPageReader(streamName, requester, selector, queryProperties, newConcurrency, run);
    }

    /**
     * Reads the page at {@code token}, passing its records to {@code records}. Empty when the error handler
     * ignored the last chunk's response (the slice then ends, as in the reference).
     */
    Optional<Page> read(StreamSlice slice, @Nullable JsonNode token, RequestOptions options, @Nullable String path,
            RecordContext context, RecordGate gate, Consumer<ObjectNode> records, Tally tally) {
        List<List<String>> chunks = queryProperties.chunks();
        PropertyChunking chunking = queryProperties.chunking();
        MergedPage merged = chunking == null ? null : new MergedPage(chunking, chunks.size());
        PageRecords page = new PageRecords(records, gate);
        Optional<DecodedResponse> last = Optional.empty();
        int lastRaw = 0;
        try (ChunkRequests<Optional<DecodedResponse>> requests = new ChunkRequests<>(run::executor, chunks.size(),
                concurrency, index -> requester.send(chunkSlice(slice, chunks.get(index)), token, options, path,
                        response -> new DecodedResponse(response, selector.decode(response))))) {
            for (int index = 0; index < chunks.size(); index++) {
                int chunk = index;
                last = requests.await(index);
                lastRaw = last.isEmpty() ? 0 : selector.select(last.get().documents(), context, record -> {
                    if (merged == null || !merged.offer(chunk, record)) {
                        page.accept(record);
                    }
                });
            }
        }
        if (merged != null) {
            List<ObjectNode> whole = merged.records();
            whole.forEach(page);
            tally.merged += whole.size();
            tally.incomplete += merged.incompleteRecords();
        }
        int raw = lastRaw;
        return last.map(response -> page.toPage(response, raw, token));
    }

    /** The reference replaces the slice's extra fields with the chunk (parent extra fields are not kept). */
    private static StreamSlice chunkSlice(StreamSlice slice, List<String> chunk) {
        ObjectNode extra = Json.object();
        ArrayNode names = extra.putArray(HttpRequester.QUERY_PROPERTIES);
        chunk.forEach(names::add);
        return slice.withExtraFields(extra);
    }

    /** Logs the data-quality warning for one read of a slice, when some merged record missed a chunk. */
    void finish(StreamSlice slice, Tally tally) {
        if (tally.incomplete == 0) {
            return;
        }
        long total = incompleteTotal.addAndGet(tally.incomplete);
        log.warn("Stream {}: {} of {} merged records{} did not come back from every property chunk request of "
                + "their page, so they lack that chunk's properties ({} in this stream so far)", streamName,
                tally.incomplete, tally.merged, slice.isEmpty() ? "" : " of slice " + slice, total);
    }

    long incompleteTotal() {
        return incompleteTotal.get();
    }
}

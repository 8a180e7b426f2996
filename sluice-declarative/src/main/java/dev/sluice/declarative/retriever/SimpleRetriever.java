package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.extractor.RecordSelector;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.paginator.Page;
import dev.sluice.declarative.paginator.Paginator;
import dev.sluice.declarative.requester.HttpRequester;
import dev.sluice.http.HttpResponse;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link SimpleRetrieverSpec}: the page loop. A page whose response the error handler ignored ends
 * the slice; a next token equal to the current one is a loop and fails the stream (the reference would request
 * the same page forever).
 */
public final class SimpleRetriever implements Retriever {

    /** A response and its decoded documents, decoded inside the retry loop. */
    private record Decoded(HttpResponse response, List<JsonNode> documents) {
    }

    private final HttpRequester requester;
    private final RecordSelector selector;
    private final Paginator paginator;
    private final boolean ignoreSlicerOptionsWhenPaginating;
    private final InterpolationContext interpolation;

    SimpleRetriever(HttpRequester requester, RecordSelector selector, Paginator paginator,
            boolean ignoreSlicerOptionsWhenPaginating, InterpolationContext interpolation) {
        this.requester = requester;
        this.selector = selector;
        this.paginator = paginator;
        this.ignoreSlicerOptionsWhenPaginating = ignoreSlicerOptionsWhenPaginating;
        this.interpolation = interpolation;
    }

    @Override
    public void read(StreamSlice slice, RequestOptions sliceOptions, Consumer<ObjectNode> records) {
        read(slice, sliceOptions, RecordGate.OPEN, records);
    }

    /** Reads the slice with the stream cursor's {@link RecordGate}. */
    public void read(StreamSlice slice, RequestOptions sliceOptions, RecordGate gate, Consumer<ObjectNode> records) {
        JsonNode token = paginator.initialToken();
        boolean paginated = false;
        while (true) {
            RequestOptions options = paginator.requestOptions(token);
            if (!(paginated && ignoreSlicerOptionsWhenPaginating)) {
                options = options.plus(sliceOptions);
            }
            Optional<Decoded> page = requester.send(slice, token, options, paginator.path(token),
                    response -> new Decoded(response, selector.decode(response)));
            if (page.isEmpty()) {
                return;
            }
            RecordContext context = RecordContext.of(interpolation, slice, token);
            PageRecords counted = new PageRecords(records, gate);
            int raw = selector.select(page.get().documents(), context, counted);
            if (counted.last != null && gate.stopAfter(counted.last)) {
                return;
            }
            JsonNode next = paginator.nextToken(new Page(page.get().response(), page.get().documents(),
                    counted.count, counted.last, raw, token));
            if (next == null || next.isNull()) {
                return;
            }
            if (next.equals(token)) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "The API returned the same next page token ("
                        + next + ") twice in a row for " + page.get().response().request().describe()
                        + "; stopping instead of requesting the same page forever");
            }
            token = next;
            paginated = true;
        }
    }

    /** Counts a page's records and remembers the last one while passing them on. */
    private static final class PageRecords implements Consumer<ObjectNode> {
        private final Consumer<ObjectNode> downstream;
        private final RecordGate gate;
        private int count;
        private @Nullable ObjectNode last;

        PageRecords(Consumer<ObjectNode> downstream, RecordGate gate) {
            this.downstream = downstream;
            this.gate = gate;
        }

        @Override
        public void accept(ObjectNode record) {
            if (!gate.keep(record)) {
                return;
            }
            count++;
            last = record;
            downstream.accept(record);
        }
    }
}

package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.Json;
import java.util.function.Function;

/**
 * One closed range of an incremental stream's cursor values, from a {@link HistorySplit}: always
 * {@linkplain #bounded() bounded}, finished for good once read to its end.
 *
 * @param start the first cursor value of the range, inclusive, as the stream writes cursor values
 * @param end   the last cursor value of the range, inclusive
 */
public record HistoryRange(String start, String end) implements StreamPartition {

    public HistoryRange {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }

    /** The range as JSON with sorted keys: {@code {"end":"2024-01-31","start":"2024-01-01"}}. */
    @Override
    public String key() {
        return Json.write(Json.object().put("end", end).put("start", start));
    }

    @Override
    public boolean bounded() {
        return true;
    }

    @Override
    public void readFrom(Stream stream, ReadRequest request, StreamSink sink) {
        stream.historySplitting().orElseThrow(() -> StreamPartition.unreadable(stream, this))
                .read(this, request, sink);
    }

    @Override
    public <R> R match(Function<? super RouterPartition, ? extends R> router,
            Function<? super HistoryRange, ? extends R> range) {
        return range.apply(this);
    }
}

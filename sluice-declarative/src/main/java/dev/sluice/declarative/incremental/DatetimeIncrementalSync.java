package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.SliceNarrowing;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.partition.PartitionRouter;
import dev.sluice.protocol.Json;
import dev.sluice.source.HistoryRange;
import dev.sluice.source.HistorySplit;
import dev.sluice.source.StreamState;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link DatetimeBasedCursorSpec}. */
public final class DatetimeIncrementalSync implements IncrementalSync, HistoryRanges {

    private final DatetimeBasedCursorSpec spec;
    private final BuildContext context;
    private final String streamName;
    private final String cursorField;
    private final CursorFormats formats;
    private final Supplier<DatetimeCursorSettings> evaluate;
    private @Nullable DatetimeCursorSettings settings;
    private final DatetimeRequestOptions options;

    /**
     * {@code evaluate} renders the settings ({@code start_datetime}, {@code lookback_window}, {@code step}, ...); it
     * runs once, when the first cursor is created: at planning for a stream without a router, at slicing for a
     * partitioned one, where the reference's cursor factory renders them for each partition's cursor
     * (concurrent_perpartition_cursor.py {@code _create_cursor}), so a bad setting fails the stream's slicing and
     * its final STATE still has the per-partition cursor's shape.
     */
    DatetimeIncrementalSync(DatetimeBasedCursorSpec spec, BuildContext context, String streamName, String cursorField,
            CursorFormats formats, Supplier<DatetimeCursorSettings> evaluate, DatetimeRequestOptions options) {
        this.spec = spec;
        this.context = context;
        this.streamName = streamName;
        this.cursorField = cursorField;
        this.formats = formats;
        this.evaluate = evaluate;
        this.options = options;
    }

    @Override
    public String cursorField() {
        return cursorField;
    }

    /** The evaluated settings, rendered on the first call. */
    public synchronized DatetimeCursorSettings settings() {
        if (settings == null) {
            settings = evaluate.get();
        }
        return settings;
    }

    @Override
    public StreamCursor cursor(StreamState state, @Nullable PartitionRouter router) {
        if (router == null) {
            return new DatetimeStreamCursor(partitionCursor(state.json(), 0));
        }
        return new PerPartitionCursor(router, this::partitionCursor, formats, cursorField,
                Boolean.TRUE.equals(spec.globalSubstreamCursor()) || router.forcesGlobalCursor(), context.clock(),
                streamName, state.json());
    }

    /** The highest record datetime of a slice, written with {@code datetime_format} as the window's new start. */
    @Override
    public Optional<SliceNarrowing> sliceNarrowing() {
        return Optional.of(new SliceNarrowing() {
            private @Nullable PythonDateTime highest;

            @Override
            public void observe(ObjectNode record) {
                JsonNode value = record.get(settings.cursorField());
                if (value == null || value.isNull()) {
                    return;
                }
                settings.formats().tryParse(value).ifPresent(parsed -> {
                    if (highest == null || parsed.compareTo(highest) > 0) {
                        highest = parsed;
                    }
                });
            }

            @Override
            public StreamSlice narrow(StreamSlice original) {
                PythonDateTime from = highest;
                if (from == null) {
                    return original;
                }
                ObjectNode window = Json.object();
                window.put(settings.startKey(), settings.formats().format(from));
                window.set(settings.endKey(), original.cursorSlice().get(settings.endKey()));
                return original.withCursorSlice(window);
            }
        });
    }

    /** Its date ranges. */
    @Override
    public Optional<HistoryRanges> historyRanges() {
        return Optional.of(this);
    }

    /**
     * The history split into {@code count} date ranges, when requests carry the window (the cursor has a {@code step},
     * so the manifest already expects each window to be requested separately) and the stream is not a data feed
     * (which reads newest first and cannot be asked for a range).
     */
    @Override
    public Optional<HistorySplit> splitHistory(int count) {
        DatetimeCursorSettings evaluated = settings();
        if (evaluated.step() == null || isDataFeed()) {
            return Optional.empty();
        }
        return DatetimeRanges.split(evaluated, count);
    }

    /** The cursor of one closed range of a split, from that range's state. */
    @Override
    public StreamCursor rangeCursor(StreamState state, HistoryRange range) {
        DatetimeCursorSettings within = settings().within(formats.parse(Json.nodes().textNode(range.start())),
                formats.parse(Json.nodes().textNode(range.end())));
        return new DatetimeStreamCursor(new DatetimeCursor(within, state.json()));
    }

    /** A cursor from a state blob whose value is first moved back by {@code lookbackSeconds}. */
    DatetimeCursor partitionCursor(ObjectNode state, long lookbackSeconds) {
        DatetimeCursorSettings evaluated = settings();
        ObjectNode adjusted = state;
        JsonNode value = state.get(cursorField);
        if (lookbackSeconds > 0 && value != null && !value.isNull() && !value.asText().isEmpty()) {
            PythonDateTime moved = formats.parse(value).plusMicros(-lookbackSeconds * 1_000_000L);
            adjusted = state.deepCopy();
            adjusted.put(cursorField, formats.format(moved));
        }
        return new DatetimeCursor(evaluated, adjusted);
    }

    @Override
    public RequestOptions requestOptions(StreamSlice slice) {
        return options.of(slice);
    }

    @Override
    public boolean isDataFeed() {
        return Boolean.TRUE.equals(spec.isDataFeed());
    }

    @Override
    public boolean isClientSide() {
        return Boolean.TRUE.equals(spec.isClientSideIncremental());
    }
}

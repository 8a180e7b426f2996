package dev.sluice.kafka;

import dev.sluice.source.HistorySplit;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamPartitioning;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the units of each stream, on the connector: one per partition of a partitioned stream (listed now, which
 * may read its parent streams), the ranges and the rest of a split history, or the whole stream.
 *
 * <p>A history is split once, on the stream's first sync, and the split is stored with every offset of its units.
 * A restarted connector first looks for it there — under the whole stream's source partition, then under those of
 * the first ranges — so that finished ranges are not read again. A stream with a stored state of its own that has no
 * split was read as a whole before and stays whole. Should no unit have committed anything yet, a new split is made;
 * a range that still finds an offset of an older split starts from scratch (duplicates, never a gap).
 */
final class WorkPlanner {

    /** Ranges whose offsets are looked at for a stored split: more than any split has unless tasks.max was larger. */
    static final int RANGES_LOOKED_UP = 32;
    private static final Logger log = LoggerFactory.getLogger(WorkPlanner.class);

    private final OffsetStorageReader offsets;
    private final int tasks;
    private final boolean splitRanges;

    WorkPlanner(OffsetStorageReader offsets, int tasks, boolean splitRanges) {
        this.offsets = offsets;
        this.tasks = tasks;
        this.splitRanges = splitRanges;
    }

    /**
     * The stream's units.
     *
     * @throws dev.sluice.source.ConnectorException when listing the partitions fails
     */
    List<WorkUnit> unitsOf(Stream stream) {
        Optional<StreamPartitioning> partitioning = stream.partitioning();
        if (partitioning.isPresent()) {
            return partitionUnits(stream.name(), partitioning.get());
        }
        if (!stream.cursorField().isEmpty()) {
            return splitUnits(stream);
        }
        return List.of(WorkUnit.whole(stream.name()));
    }

    /**
     * One unit per partition listed now.
     *
     * @throws dev.sluice.source.ConnectorException when listing the partitions fails
     */
    static List<WorkUnit> partitionUnits(String stream, StreamPartitioning partitioning) {
        return partitioning.partitions().stream().map(partition -> WorkUnit.partition(stream, partition)).toList();
    }

    private List<WorkUnit> splitUnits(Stream stream) {
        String name = stream.name();
        OffsetCodec.Stored whole = OffsetCodec.decode(offsets.offset(WorkUnit.whole(name).sourcePartition()));
        if (whole != null && whole.split() == null) {
            return List.of(WorkUnit.whole(name));
        }
        String split = whole != null ? whole.split() : storedInRanges(name);
        if (split == null) {
            // A stored split is kept even with splitting turned off: the rest's state is past the unread ranges.
            Optional<HistorySplit> made = splitRanges && tasks >= 2
                    ? stream.historySplitting().flatMap(splitting -> splitting.split(tasks)) : Optional.empty();
            if (made.isEmpty()) {
                return List.of(WorkUnit.whole(name));
            }
            split = Splits.encode(made.get());
            log.info("Split the history of stream {} into {} parts", name, made.get().ranges().size() + 1);
        }
        return Splits.units(name, split);
    }

    private @Nullable String storedInRanges(String stream) {
        List<Map<String, String>> partitions = new ArrayList<>();
        for (int i = 0; i < Math.max(tasks, RANGES_LOOKED_UP); i++) {
            partitions.add(Splits.rangePartition(stream, i));
        }
        Map<Map<String, String>, Map<String, Object>> stored = offsets.offsets(partitions);
        for (Map<String, String> partition : partitions) {
            OffsetCodec.Stored offset = OffsetCodec.decode(stored.get(partition));
            if (offset != null && offset.split() != null) {
                return offset.split();
            }
        }
        return null;
    }

    /**
     * The units spread over at most {@code maxTasks} tasks, one after another in turn, so that the partitions of one
     * stream go to different tasks and every task has about as many units.
     */
    static List<List<WorkUnit>> assign(Collection<WorkUnit> units, int maxTasks) {
        int count = Math.min(maxTasks, units.size());
        List<List<WorkUnit>> groups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            groups.add(new ArrayList<>());
        }
        int next = 0;
        for (WorkUnit unit : units) {
            groups.get(next).add(unit);
            next = (next + 1) % count;
        }
        return groups;
    }
}

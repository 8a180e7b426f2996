package dev.sluice.declarative.requester.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link PropertyChunkingSpec}. Immutable. */
public final class PropertyChunking {

    private final PropertyLimitType limitType;
    private final int limit;
    private final GroupByKey mergeStrategy;

    /** @param limit 0 for no limit (one chunk) */
    public PropertyChunking(PropertyLimitType limitType, int limit, GroupByKey mergeStrategy) {
        this.limitType = limitType;
        this.limit = limit;
        this.mergeStrategy = mergeStrategy;
    }

    /** The merge key of a partial record, or null when it has none (it is then emitted unmerged). */
    public @Nullable String mergeKey(ObjectNode record) {
        return mergeStrategy.groupKey(record);
    }

    /**
     * Splits {@code fields} into chunks whose cost stays within the limit, each starting with
     * {@code alwaysInclude} (which costs nothing). Exactly as the reference: a property over the limit still gets a
     * chunk of its own (preceded by an empty one when it comes first), no input yields one empty chunk, and
     * without a limit the one chunk holds every field, unselected ones too, with {@code alwaysInclude} appended.
     *
     * @param selected the properties selected in the configured catalog, or null for all
     */
    public List<List<String>> chunks(List<String> fields, List<String> alwaysInclude, @Nullable Set<String> selected) {
        if (limit == 0) {
            List<String> single = new ArrayList<>(fields);
            single.addAll(alwaysInclude);
            return List.of(List.copyOf(single));
        }
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>(alwaysInclude);
        int size = 0;
        for (String field : fields) {
            if (selected != null && !selected.contains(field)) {
                continue;
            }
            int cost = limitType.cost(field);
            if (size + cost > limit) {
                chunks.add(List.copyOf(chunk));
                chunk = new ArrayList<>(alwaysInclude);
                size = 0;
            }
            chunk.add(field);
            size += cost;
        }
        chunks.add(List.copyOf(chunk));
        return List.copyOf(chunks);
    }
}

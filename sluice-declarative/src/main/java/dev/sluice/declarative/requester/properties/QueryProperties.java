package dev.sluice.declarative.requester.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link QueryPropertiesSpec}: the chunks of properties that one page is requested with. Thread-safe.
 */
public final class QueryProperties {

    private final Supplier<List<String>> properties;
    private final List<String> alwaysInclude;
    private final @Nullable PropertyChunking chunking;
    private final @Nullable JsonSchemaPropertySelector selector;

    QueryProperties(Supplier<List<String>> properties, List<String> alwaysInclude,
            @Nullable PropertyChunking chunking, @Nullable JsonSchemaPropertySelector selector) {
        this.properties = properties;
        this.alwaysInclude = List.copyOf(alwaysInclude);
        this.chunking = chunking;
        this.selector = selector;
    }

    /** How records of different chunks are merged; null without {@code property_chunking} (one chunk, no merging). */
    public @Nullable PropertyChunking chunking() {
        return chunking;
    }

    /**
     * The chunks, at least one (possibly empty): the listed or fetched properties, narrowed by the property
     * selector, with {@code always_include_properties} prepended (appended when chunking has no limit: a
     * quirk of the reference kept on purpose).
     */
    public List<List<String>> chunks() {
        Set<String> selected = selector == null ? null : selector.select();
        List<String> fields = properties.get();
        if (chunking != null) {
            return chunking.chunks(fields, alwaysInclude, selected);
        }
        List<String> chunk = new ArrayList<>(alwaysInclude);
        for (String field : fields) {
            if (selected == null || selected.contains(field)) {
                chunk.add(field);
            }
        }
        return List.of(List.copyOf(chunk));
    }
}

package dev.sluice.declarative.component;

import dev.sluice.source.RunContext;

/**
 * How a run's retrievers page: at most {@code maxPagesPerSlice} pages of a slice, and whether a page's property-chunk
 * requests go one at a time. A run pages without limit, its chunks concurrently, unless whoever runs the source
 * presets otherwise — the Connector Builder's test read, which stops after its {@code max_pages_per_slice} as the
 * reference's {@code PaginatorTestReadDecorator} does and shows the chunk requests in order.
 */
public record PageLimit(int maxPagesPerSlice, boolean chunksInOrder) {

    public static final PageLimit NONE = new PageLimit(Integer.MAX_VALUE, false);

    public static final RunContext.Service<PageLimit> SERVICE = RunContext.Service.of("page limit", PageLimit.class,
            run -> NONE);

    public PageLimit {
        if (maxPagesPerSlice < 1) {
            throw new IllegalArgumentException("maxPagesPerSlice must be at least 1, not " + maxPagesPerSlice);
        }
    }
}

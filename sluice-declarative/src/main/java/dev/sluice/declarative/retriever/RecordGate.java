package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a stream's cursor adds to the page loop of one slice: the client-side incremental filter, which drops
 * records before the page's records are counted ({@code last_page_size}, {@code last_record}), and the data-feed
 * stop condition, which ends pagination after a page whose last record was already synced.
 */
public interface RecordGate {

    RecordGate OPEN = new RecordGate() {
    };

    /** Whether a selected record is kept; a dropped record does not count as one of the page's records. */
    default boolean keep(ObjectNode record) {
        return true;
    }

    /** Whether to request no further page after a page whose last record is {@code last}. */
    default boolean stopAfter(ObjectNode last) {
        return false;
    }
}

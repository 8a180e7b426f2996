package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;

/**
 * Decides whether a record is kept: the interface of a {@code CustomRecordFilter}'s class. It runs on each
 * extracted record (before or after the transformations, as {@code transform_before_filtering} says), possibly
 * from several threads at once, and must not mutate the record.
 */
@FunctionalInterface
public interface RecordFilter {

    /**
     * @param context the slice and page token the record was read with; {@code context.forRecord(record)} gives
     *                the variables a template would see
     */
    boolean keep(ObjectNode record, RecordContext context);
}

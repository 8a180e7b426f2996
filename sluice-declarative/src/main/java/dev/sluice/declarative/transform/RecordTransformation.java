package dev.sluice.declarative.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;

/**
 * Changes one record. Must not mutate {@code record}: return a changed copy, or the input itself when nothing
 * changes. Runs once per record, so templates are compiled at build time and the work per record is small.
 */
@FunctionalInterface
public interface RecordTransformation {

    ObjectNode apply(ObjectNode record, RecordContext context);
}

package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.transform.RecordTransformation;

/** A transformation without a constructor Sluice can call. */
public final class NeedsAString implements RecordTransformation {

    public NeedsAString(String name) {
    }

    @Override
    public ObjectNode apply(ObjectNode record, RecordContext context) {
        return record;
    }
}

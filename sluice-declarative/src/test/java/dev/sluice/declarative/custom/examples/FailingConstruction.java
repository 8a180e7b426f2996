package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.declarative.transform.RecordTransformation;

/** A transformation whose constructor fails, quoting its {@code token} field (a secret the output must mask). */
public final class FailingConstruction implements RecordTransformation {

    public FailingConstruction(CustomComponentContext context) {
        throw new IllegalStateException("cannot start with token " + context.rendered("token").orElse(""));
    }

    @Override
    public ObjectNode apply(ObjectNode record, RecordContext context) {
        return record;
    }
}

package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.declarative.transform.RecordTransformation;
import java.util.Locale;

/** CustomTransformation: adds {@code shout}, the record's {@code field} in capitals followed by {@code suffix}. */
public final class ShoutTransformation implements RecordTransformation {

    private final String field;
    private final String suffix;

    public ShoutTransformation(CustomComponentContext context) {
        this.field = context.requireString("field");
        this.suffix = context.rendered("suffix").orElse("");
    }

    @Override
    public ObjectNode apply(ObjectNode record, RecordContext context) {
        ObjectNode copy = record.deepCopy();
        copy.put("shout", record.path(field).asText().toUpperCase(Locale.ROOT) + suffix);
        return copy;
    }
}

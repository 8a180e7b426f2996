package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.declarative.extractor.RecordFilter;

/** CustomRecordFilter: keeps the records whose id is a multiple of {@code $parameters.modulus}. */
public final class MultiplesOnly implements RecordFilter {

    private final long modulus;

    public MultiplesOnly(CustomComponentContext context) {
        this.modulus = context.parameters().path("modulus").asLong();
    }

    @Override
    public boolean keep(ObjectNode record, RecordContext context) {
        return record.path("id").asLong() % modulus == 0;
    }
}

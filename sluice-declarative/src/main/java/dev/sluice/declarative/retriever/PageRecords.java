package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.paginator.Page;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Counts a page's records and remembers the last one while passing them on. */
final class PageRecords implements Consumer<ObjectNode> {

    private final Consumer<ObjectNode> downstream;
    private final RecordGate gate;
    private int count;
    private @Nullable ObjectNode last;

    PageRecords(Consumer<ObjectNode> downstream, RecordGate gate) {
        this.downstream = downstream;
        this.gate = gate;
    }

    @Override
    public void accept(ObjectNode record) {
        // A record the cursor's client-side filter drops does not count as one of the page's records.
        if (!gate.keep(record)) {
            return;
        }
        count++;
        last = record;
        downstream.accept(record);
    }

    /** What the paginator sees of the page read from {@code response}. */
    Page toPage(DecodedResponse response, int rawRecordCount, @Nullable JsonNode token) {
        return new Page(response.response(), response.documents(), count, last, rawRecordCount, token);
    }
}

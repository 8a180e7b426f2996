package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.paginator.Page;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Counts a page's records and remembers the last one while passing them on. */
final class PageRecords implements Consumer<ObjectNode> {

    private final Consumer<ObjectNode> downstream;
    private int count;
    private @Nullable ObjectNode last;

    PageRecords(Consumer<ObjectNode> downstream) {
        this.downstream = downstream;
    }

    @Override
    public void accept(ObjectNode record) {
        count++;
        last = record;
        downstream.accept(record);
    }

    /** What the paginator sees of the page read from {@code response}. */
    Page toPage(DecodedResponse response, int rawRecordCount, @Nullable JsonNode token) {
        return new Page(response.response(), response.documents(), count, last, rawRecordCount, token);
    }
}

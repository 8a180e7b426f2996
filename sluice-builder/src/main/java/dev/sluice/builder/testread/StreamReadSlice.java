package dev.sluice.builder.testread;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One slice: its {@code pages}, its {@code slice_descriptor} (the slice as the reference logs it: the partition and
 * the cursor's window), the {@code state} messages emitted after it, and the {@code auxiliary_requests} made inside
 * it (the reference's {@code StreamReadSlices}; state and auxiliary requests are null or lists).
 */
public record StreamReadSlice(List<StreamReadPage> pages, @Nullable JsonNode sliceDescriptor,
        @Nullable List<JsonNode> state, @Nullable List<AuxiliaryRequest> auxiliaryRequests) {

    public StreamReadSlice {
        pages = List.copyOf(pages);
        state = state == null ? null : List.copyOf(state);
        auxiliaryRequests = auxiliaryRequests == null ? null : List.copyOf(auxiliaryRequests);
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.set("pages", Views.array(pages, StreamReadPage::toJson));
        node.set("slice_descriptor", Views.orNull(sliceDescriptor));
        node.set("state", Views.array(state, item -> item));
        node.set("auxiliary_requests", Views.array(auxiliaryRequests, AuxiliaryRequest::toJson));
        return node;
    }
}

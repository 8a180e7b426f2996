package dev.sluice.builder.testread;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of a test read (the reference's {@code StreamRead}): {@code logs}, {@code slices},
 * {@code test_read_limit_reached}, the {@code auxiliary_requests} made outside any slice, the
 * {@code inferred_schema} of the records, the {@code inferred_datetime_formats} of their fields, and the
 * {@code latest_config_update} (the config as the last CONTROL message changed it, without its {@code __} keys).
 */
public record StreamRead(List<LogMessageView> logs, List<StreamReadSlice> slices, boolean testReadLimitReached,
        List<AuxiliaryRequest> auxiliaryRequests, @Nullable JsonNode inferredSchema,
        @Nullable Map<String, String> inferredDatetimeFormats, @Nullable JsonNode latestConfigUpdate) {

    public StreamRead {
        logs = List.copyOf(logs);
        slices = List.copyOf(slices);
        auxiliaryRequests = List.copyOf(auxiliaryRequests);
        inferredDatetimeFormats = inferredDatetimeFormats == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(inferredDatetimeFormats));
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.set("logs", Views.array(logs, LogMessageView::toJson));
        node.set("slices", Views.array(slices, StreamReadSlice::toJson));
        node.put("test_read_limit_reached", testReadLimitReached);
        node.set("auxiliary_requests", Views.array(auxiliaryRequests, AuxiliaryRequest::toJson));
        node.set("inferred_schema", Views.orNull(inferredSchema));
        node.set("inferred_datetime_formats", Views.stringMap(inferredDatetimeFormats));
        node.set("latest_config_update", Views.orNull(latestConfigUpdate));
        return node;
    }
}

package dev.sluice.testkit.standard;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.DestinationSyncMode;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.SyncMode;
import dev.sluice.testkit.Output;
import java.util.ArrayList;
import java.util.List;

/** Catalogs for the standard tests' reads and one stream's messages out of an output. */
final class Messages {

    private Messages() {
    }

    static ConfiguredAirbyteCatalog fullRefresh(List<AirbyteStream> streams) {
        return new ConfiguredAirbyteCatalog(streams.stream().map(stream -> new ConfiguredAirbyteStream(stream,
                SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, null)).toList());
    }

    static ConfiguredAirbyteCatalog incremental(List<AirbyteStream> streams) {
        return new ConfiguredAirbyteCatalog(streams.stream().map(stream -> new ConfiguredAirbyteStream(stream,
                SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP, stream.defaultCursorField(),
                stream.sourceDefinedPrimaryKey())).toList());
    }

    /** The RECORD and STATE messages of {@code stream}, in order. */
    static List<AirbyteMessage> of(Output output, String stream) {
        List<AirbyteMessage> messages = new ArrayList<>();
        for (AirbyteMessage message : output.messages()) {
            if (message instanceof AirbyteRecord record && record.stream().equals(stream)) {
                messages.add(record);
            } else if (message instanceof AirbyteStateMessage state && state.stream() != null
                    && state.stream().streamDescriptor().name().equals(stream)) {
                messages.add(state);
            }
        }
        return messages;
    }

    /** The JSON pointer of a field path ({@code ["address", "city"]} → {@code /address/city}). */
    static JsonPointer pointer(List<String> path) {
        JsonPointer pointer = JsonPointer.empty();
        for (String step : path) {
            pointer = pointer.appendProperty(step);
        }
        return pointer;
    }

    /** Short JSON for a failure message. */
    static String brief(JsonNode json) {
        String text = Json.write(json);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

package dev.sluice.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.Availability;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runtime of {@link CheckStreamSpec}: each named stream must read its first record (or have none). */
final class CheckStream implements ConnectionCheck {

    private static final String OVERRIDE = "__airbyte_check_stream_names";

    private final List<String> streamNames;

    private CheckStream(List<String> streamNames) {
        this.streamNames = List.copyOf(streamNames);
    }

    /** The config's {@code __airbyte_check_stream_names} replaces {@code streamNames} when it lists any. */
    static CheckStream of(List<String> streamNames, Config config) {
        JsonNode override = config.json().get(OVERRIDE);
        if (override != null && override.isArray() && !override.isEmpty()) {
            List<String> names = new ArrayList<>();
            override.forEach(node -> names.add(node.asText()));
            return new CheckStream(names);
        }
        return new CheckStream(streamNames);
    }

    @Override
    public ConnectionStatus check(List<Stream> streams, RunContext run) {
        Map<String, Stream> byName = new LinkedHashMap<>();
        streams.forEach(stream -> byName.put(stream.name(), stream));
        for (String name : streamNames) {
            Stream stream = byName.get(name);
            if (stream == null) {
                throw new ConfigException("check: the stream '" + name + "' is not in the manifest (streams: "
                        + String.join(", ", byName.keySet()) + ")");
            }
            try {
                Availability.firstRecord(stream, run);
            } catch (ConnectorException e) {
                if (e.failureType() == FailureType.CONFIG_ERROR) {
                    return ConnectionStatus.failed("Stream " + name + " is not available: " + e.userMessage());
                }
                throw e;
            }
        }
        return ConnectionStatus.succeeded();
    }
}

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
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link CheckStreamSpec}: each named stream must read its first record (or have none), then the streams
 * each {@code dynamic_streams_check_configs} entry names.
 */
final class CheckStream implements ConnectionCheck {

    private static final String OVERRIDE = "__airbyte_check_stream_names";

    private final List<String> streamNames;
    private final List<DynamicStreamCheckConfigSpec> dynamicChecks;

    private CheckStream(List<String> streamNames, List<DynamicStreamCheckConfigSpec> dynamicChecks) {
        this.streamNames = List.copyOf(streamNames);
        this.dynamicChecks = List.copyOf(dynamicChecks);
    }

    /** The config's {@code __airbyte_check_stream_names} replaces {@code streamNames} when it lists any. */
    static CheckStream of(List<String> streamNames, List<DynamicStreamCheckConfigSpec> dynamicChecks, Config config) {
        JsonNode override = config.json().get(OVERRIDE);
        if (override != null && override.isArray() && !override.isEmpty()) {
            List<String> names = new ArrayList<>();
            override.forEach(node -> names.add(node.asText()));
            return new CheckStream(names, dynamicChecks);
        }
        return new CheckStream(streamNames, dynamicChecks);
    }

    @Override
    public ConnectionStatus check(CheckedStreams checked, RunContext run) {
        if (checked.streams().isEmpty()) {
            return ConnectionStatus.failed("The source has no streams to connect to");
        }
        Map<String, Stream> byName = new LinkedHashMap<>();
        checked.streams().forEach(stream -> byName.put(stream.name(), stream));
        for (String name : streamNames) {
            Stream stream = byName.get(name);
            if (stream == null) {
                throw new ConfigException("check: the stream '" + name + "' is not in the manifest (streams: "
                        + String.join(", ", byName.keySet()) + ")");
            }
            Optional<String> unavailable = unavailable(stream, run);
            if (unavailable.isPresent()) {
                return ConnectionStatus.failed("Stream " + name + " is not available: " + unavailable.get());
            }
        }
        for (DynamicStreamCheckConfigSpec dynamicCheck : dynamicChecks) {
            ConnectionStatus failed = checkGenerated(dynamicCheck, checked, byName, run);
            if (failed != null) {
                return failed;
            }
        }
        return ConnectionStatus.succeeded();
    }

    /** The failure of the first generated stream not available, or null when all are. */
    private static @Nullable ConnectionStatus checkGenerated(
            DynamicStreamCheckConfigSpec dynamicCheck, CheckedStreams checked, Map<String, Stream> byName,
            RunContext run) {
        Optional<List<String>> generated = checked.generatedBy(dynamicCheck.dynamicStreamName());
        if (generated.isEmpty()) {
            return ConnectionStatus.failed("Dynamic stream " + dynamicCheck.dynamicStreamName()
                    + " is not in the manifest (dynamic streams: "
                    + String.join(", ", checked.generatedByDefinition().keySet()) + ")");
        }
        List<String> names = generated.get();
        Integer count = dynamicCheck.streamCount();
        for (String name : count == null ? names : names.subList(0, Math.min(count, names.size()))) {
            Optional<String> unavailable = unavailable(byName.get(name), run);
            if (unavailable.isPresent()) {
                return ConnectionStatus.failed("Dynamic Stream " + name + " is not available: " + unavailable.get());
            }
        }
        return null;
    }

    /**
     * Why {@code stream} cannot read its first record — a config error (credentials, permissions) — or empty when it
     * can; other failures are the connector's and propagate.
     */
    static Optional<String> unavailable(Stream stream, RunContext run) {
        try {
            Availability.firstRecord(stream, run);
            return Optional.empty();
        } catch (ConnectorException e) {
            if (e.failureType() == FailureType.CONFIG_ERROR) {
                return Optional.of(e.userMessage());
            }
            throw e;
        }
    }
}

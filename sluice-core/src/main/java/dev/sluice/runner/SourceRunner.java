package dev.sluice.runner;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.AirbyteCatalog;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.MessageSink;
import dev.sluice.protocol.StreamDescriptor;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol's four commands for one source, writing messages to a {@link MessageSink}. Read semantics: the
 * configured streams are read in catalog order; each goes STARTED → RUNNING (before its first record) →
 * COMPLETE, or INCOMPLETE followed by an error TRACE when it fails, in which case the other streams still run
 * and a final aggregate error TRACE is written.
 *
 * <p>The runner executes in a {@link RunContext} its caller owns and closes when the command ends. Each command
 * first lets the source {@linkplain Source#configure configure} the user's config, then validates the result
 * against the spec and runs with it.
 */
public final class SourceRunner {

    private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);

    private final Source source;
    private final MessageSink out;
    private final Clock clock;
    private final RunContext run;

    public SourceRunner(Source source, MessageSink out, Clock clock, RunContext run) {
        this.source = requireNonNull(source, "source is null");
        this.out = requireNonNull(out, "out is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.run = requireNonNull(run, "run is null");
    }

    public void spec() {
        out.accept(source.spec());
    }

    /**
     * Writes CONNECTION_STATUS. A config that fails validation or a {@link ConfigException} from the check is a
     * FAILED status (the latter after its error TRACE); other failures propagate to the caller.
     */
    public void check(Config userConfig) {
        Config config = source.configure(userConfig, run);
        try {
            ConfigValidator.validate(source.spec().connectionSpecification(), config);
        } catch (ConfigException invalid) {
            out.accept(ConnectionStatus.failed(invalid.userMessage()));
            return;
        }
        ConnectionStatus status;
        try {
            status = source.check(config, run);
        } catch (ConnectorException e) {
            out.accept(AirbyteTrace.error(clock.millis(), ErrorTraces.of(e, null)));
            if (e.failureType() != FailureType.CONFIG_ERROR) {
                throw e;
            }
            status = ConnectionStatus.failed(e.userMessage());
        }
        out.accept(status);
    }

    public void discover(Config userConfig) {
        Config config = source.configure(userConfig, run);
        ConfigValidator.validate(source.spec().connectionSpecification(), config);
        List<dev.sluice.protocol.AirbyteStream> streams = new ArrayList<>();
        for (Stream stream : source.streams(config, run)) {
            streams.add(stream.toAirbyteStream());
        }
        out.accept(new AirbyteCatalog(streams));
    }

    /** Reads the configured streams; returns false when any stream failed (the caller exits non-zero). */
    public boolean read(Config userConfig, ConfiguredAirbyteCatalog catalog, StateInput state) {
        Config config = source.configure(userConfig, run);
        ConfigValidator.validate(source.spec().connectionSpecification(), config);
        Map<String, Stream> streams = new LinkedHashMap<>();
        for (Stream stream : source.streams(config, catalog, run)) {
            streams.put(stream.name(), stream);
        }
        List<String> failures = new ArrayList<>();
        for (ConfiguredAirbyteStream configured : catalog.streams()) {
            Stream stream = streams.get(configured.name());
            if (stream == null) {
                log.warn("The stream '{}' is in the configured catalog but not in the source; skipping it",
                        configured.name());
                out.accept(AirbyteTrace.streamStatus(clock.millis(), new StreamDescriptor(configured.name(),
                        configured.stream().namespace()), AirbyteTrace.StreamStatus.INCOMPLETE));
                continue;
            }
            StreamDescriptor descriptor = new StreamDescriptor(stream.name(), stream.namespace());
            StreamReadJob job = new StreamReadJob(stream, descriptor, configured, out, clock, run);
            job.run(state.get(descriptor)).ifPresent(failure -> failures.add(failure));
        }
        if (!failures.isEmpty()) {
            String message = "During the sync, the following streams did not sync successfully: "
                    + String.join("\n", failures);
            out.accept(AirbyteTrace.error(clock.millis(), new AirbyteTrace.TraceError(message, message, null,
                    FailureType.CONFIG_ERROR, null)));
            return false;
        }
        return true;
    }
}

package dev.sluice.builder.testread;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.builder.ManifestInput;
import dev.sluice.builder.infer.DatetimeFormatInferrer;
import dev.sluice.builder.infer.InferredSchema;
import dev.sluice.builder.infer.SchemaInferrer;
import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.DeclarativeStream;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.component.ExchangeLabels;
import dev.sluice.declarative.component.PageLimit;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.concurrent.ReadPlan;
import dev.sluice.declarative.incremental.StreamCursor;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.SecretMasker;
import dev.sluice.runner.ErrorTraces;
import dev.sluice.runner.Secrets;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs test reads: one stream of a manifest, read one request at a time within the limits, every request and
 * response observed, grouped into a {@link StreamRead} as the reference's {@code TestReader.run_test_read}
 * ({@code connector_builder/test_reader/reader.py}) groups the messages it reads. Each read is its own run; nothing
 * is kept between reads, so one reader may serve many requests, also at once.
 *
 * <p>The limits stop where the reference's stop: slices are cut after {@code max_slices} (its
 * {@code StreamSlicerTestReadDecorator}, so no later slice is generated), pages after {@code max_pages_per_slice}
 * (its {@code PaginatorTestReadDecorator}), and records at the first record past {@code max_records} (its
 * {@code DeclarativePartition.read}: a page that ends exactly at the limit is followed by the next page's request,
 * whose records are dropped; later slices are generated but not read).
 */
public final class TestReader {

    private final Consumer<RunContext> runSetup;

    /** A reader whose runs use the default services (the JDK HTTP transport with its timeouts). */
    public TestReader() {
        this(run -> {
        });
    }

    /** A reader that sets up each run before the source is built (tests preset a transport with short timeouts). */
    public TestReader(Consumer<RunContext> runSetup) {
        this.runSetup = requireNonNull(runSetup, "runSetup is null");
    }

    /**
     * Reads {@code stream} of {@code manifest} with {@code config} from {@code state} (the state file's JSON, a list
     * of state messages, or null to start afresh). A read that fails part way is not thrown: its error is a log line
     * of the result (level {@code ERROR}), as the reference shows it. What is thrown stops the read before it starts:
     * an invalid manifest or config, a stream the manifest does not have.
     */
    public StreamRead testRead(ManifestInput manifest, JsonNode config, String stream, TestReadLimits limits,
            @Nullable JsonNode state) {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(config, "config is null");
        requireNonNull(stream, "stream is null");
        requireNonNull(limits, "limits is null");
        if (!config.isObject()) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "The config must be a JSON object");
        }
        DeclarativeSource loaded = ManifestSources.fromJson(oneAtATime(manifest.manifest()), manifest.customCode());
        ReadRecorder recorder = new ReadRecorder();
        DeclarativeSource source = loaded.withConfigUpdates(recorder);
        Config given = Config.of(config);
        try (RunContext run = RunContext.named("connector-builder")) {
            runSetup.accept(run);
            run.preset(ExchangeLabels.SERVICE, recorder);
            run.preset(PageLimit.SERVICE, new PageLimit(limits.maxPagesPerSlice(), true));
            DeclarativeStream target = find(source.streams(given, run), stream);
            StreamState start = incomingState(state, stream);
            StateMessages states = new StateMessages(stream);
            try {
                read(target.plan(start), limits, recorder, states);
            } catch (RuntimeException | StackOverflowError failure) {
                AirbyteTrace.TraceError error = ErrorTraces.of(failure, null);
                recorder.log(new LogMessageView(error.message(), "ERROR", error.internalMessage(), error.stackTrace()));
            }
            SecretMasker masker = secrets(source, given).plus(run.secrets().masker());
            SchemaInferrer schema = new SchemaInferrer(target.primaryKey().paths(),
                    target.cursorField().isEmpty() ? List.of() : List.of(target.cursorField()));
            DatetimeFormatInferrer datetimes = new DatetimeFormatInferrer();
            MessageGrouper.Grouped grouped = new MessageGrouper(stream, masker, schema, datetimes)
                    .group(recorder.events());
            List<LogMessageView> logs = new ArrayList<>();
            grouped.logs().forEach(log -> logs.add(masked(log, masker)));
            InferredSchema inferred = schema.schema();
            inferred.errors().forEach(problem -> logs.add(LogMessageView.of("ERROR", masker.mask(problem))));
            return new StreamRead(logs, grouped.slices(), limitReached(grouped.slices(), limits),
                    grouped.auxiliaryRequests(), inferred.schema(), datetimes.formats(),
                    grouped.latestConfigUpdate() == null ? null : withoutInternalKeys(grouped.latestConfigUpdate()));
        }
    }

    /** The read itself, on this thread: slices in order, each read whole before the next is generated. */
    private static void read(ReadPlan plan, TestReadLimits limits, ReadRecorder recorder, StateMessages states) {
        plan.initialCheckpoint().ifPresent(checkpoint -> recorder.state(states.message(checkpoint, 0)));
        StreamCursor cursor = plan.cursor();
        int[] slices = {0};
        int[] sinceState = {0};
        try {
            cursor.slices(slice -> {
                slices[0]++;
                recorder.slice(descriptor(slice));
                if (recorder.records() < limits.maxRecords()) {
                    try {
                        plan.reader().read(slice, record -> {
                            if (recorder.records() >= limits.maxRecords()) {
                                throw new Stop();
                            }
                            recorder.record(record);
                            sinceState[0]++;
                            cursor.observe(slice, record);
                        });
                    } catch (RuntimeException e) {
                        if (!Stop.isIn(e)) {
                            throw e;
                        }
                    }
                }
                cursor.close(slice).ifPresent(checkpoint -> {
                    recorder.state(states.message(checkpoint, sinceState[0]));
                    sinceState[0] = 0;
                });
                if (slices[0] >= limits.maxSlices()) {
                    throw new Stop();
                }
            });
        } catch (RuntimeException e) {
            if (!Stop.isIn(e)) {
                throw e;
            }
        }
        recorder.state(states.message(cursor.finalState(), sinceState[0]));
    }

    /**
     * The reference's {@code _has_reached_limit}: as many slices as allowed, a slice with as many pages as allowed,
     * or as many records as allowed.
     */
    static boolean limitReached(List<StreamReadSlice> slices, TestReadLimits limits) {
        if (slices.size() >= limits.maxSlices()) {
            return true;
        }
        int records = 0;
        for (StreamReadSlice slice : slices) {
            if (slice.pages().size() >= limits.maxPagesPerSlice()) {
                return true;
            }
            for (StreamReadPage page : slice.pages()) {
                records += page.records().size();
                if (records >= limits.maxRecords()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The manifest with {@code concurrency_level.default_concurrency} 1, as the reference's {@code create_source}. */
    static ObjectNode oneAtATime(JsonNode manifest) {
        ObjectNode copy = (ObjectNode) manifest.deepCopy();
        if (copy.get("concurrency_level") instanceof ObjectNode level) {
            level.put("default_concurrency", 1);
        } else {
            ObjectNode level = copy.putObject("concurrency_level");
            level.put("type", "ConcurrencyLevel");
            level.put("default_concurrency", 1);
        }
        return copy;
    }

    private static DeclarativeStream find(List<Stream> streams, String name) {
        for (Stream candidate : streams) {
            if (candidate.name().equals(name)) {
                if (candidate instanceof DeclarativeStream declarative) {
                    return declarative;
                }
                throw new ConnectorException(FailureType.CONFIG_ERROR, "Stream " + name
                        + " is not a declarative stream; the Connector Builder reads only those");
            }
        }
        List<String> names = streams.stream().map(Stream::name).toList();
        throw new ConnectorException(FailureType.CONFIG_ERROR, "The manifest has no stream named '" + name
                + "' (its streams: " + String.join(", ", names) + ")");
    }

    /** The stream's state in a state file's JSON (a list of STREAM state messages), or an empty state. */
    private static StreamState incomingState(@Nullable JsonNode state, String stream) {
        if (state == null || !state.isArray()) {
            return StreamState.empty();
        }
        for (JsonNode message : state) {
            JsonNode streamState = message.path("stream");
            if (stream.equals(streamState.path("stream_descriptor").path("name").asText(null))
                    && streamState.get("stream_state") != null && streamState.get("stream_state").isObject()) {
                return StreamState.of(streamState.get("stream_state"));
            }
        }
        return StreamState.empty();
    }

    /** The slice as the reference logs it: its partition and cursor window in one mapping, or null when empty. */
    private static @Nullable ObjectNode descriptor(StreamSlice slice) {
        ObjectNode merged = slice.merged();
        return merged.isEmpty() ? null : merged;
    }

    private static SecretMasker secrets(DeclarativeSource source, Config config) {
        try {
            return Secrets.masker(source.spec().connectionSpecification(), config);
        } catch (RuntimeException e) {
            // A manifest without a spec has no declared secrets; the run's obtained tokens are still masked.
            return SecretMasker.none();
        }
    }

    private static LogMessageView masked(LogMessageView log, SecretMasker masker) {
        return new LogMessageView(masker.mask(log.message()), log.level(),
                log.internalMessage() == null ? null : masker.mask(log.internalMessage()),
                log.stacktrace() == null ? null : masker.mask(log.stacktrace()));
    }

    /** The config without its {@code __} keys, as the reference's {@code clean_config}. */
    static ObjectNode withoutInternalKeys(ObjectNode config) {
        ObjectNode copy = config.deepCopy();
        List<String> internal = new ArrayList<>();
        copy.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("__")) {
                internal.add(name);
            }
        });
        copy.remove(internal);
        return copy;
    }

    /** Builds state messages in the shape the reference's {@code asdict} gives them. */
    private static final class StateMessages {
        private final String stream;

        StateMessages(String stream) {
            this.stream = stream;
        }

        JsonNode message(StreamState state, int records) {
            ObjectNode message = Json.object();
            message.put("type", "STREAM");
            ObjectNode streamState = message.putObject("stream");
            ObjectNode descriptor = streamState.putObject("stream_descriptor");
            descriptor.put("name", stream);
            descriptor.putNull("namespace");
            streamState.set("stream_state", state.json().deepCopy());
            message.putNull("global_");
            message.putNull("data");
            message.putObject("sourceStats").put("recordCount", (double) records);
            message.putNull("destinationStats");
            return message;
        }
    }

    /** Ends the read (or a slice) where a limit says; never leaves this class. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("test read limit reached", null, false, false);
        }

        static boolean isIn(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof Stop) {
                    return true;
                }
            }
            return false;
        }
    }
}

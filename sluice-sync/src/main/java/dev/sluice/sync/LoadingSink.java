package dev.sluice.sync;

import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.MessageSink;
import dev.sluice.protocol.SecretMasker;
import dev.sluice.protocol.SecretRegistry;
import dev.sluice.source.StreamState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Receives the source's messages in-process, typed, and hands them to each stream's {@link StreamLoader}:
 * STARTED prepares, RECORD and STATE load, COMPLETE commits, INCOMPLETE rolls back, and the stream's error
 * TRACE becomes its result's error.
 */
final class LoadingSink implements MessageSink {

    private final Map<String, StreamLoader> loaders = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, Long> startedAt = new LinkedHashMap<>();
    private final Map<String, Duration> elapsed = new LinkedHashMap<>();
    private final SyncListener listener;
    private final SecretMasker masker;
    private final SecretRegistry obtained;
    private final Clock clock;
    private @Nullable StreamLoader current;

    LoadingSink(List<StreamLoader> streamLoaders, SyncListener listener, SecretMasker masker, SecretRegistry obtained,
            Clock clock) {
        streamLoaders.forEach(loader -> loaders.put(loader.plan().stream(), loader));
        this.listener = listener;
        this.masker = masker;
        this.obtained = obtained;
        this.clock = clock;
    }

    @Override
    public void accept(AirbyteMessage message) {
        if (message instanceof AirbyteRecord record) {
            StreamLoader loader = loader(record.stream());
            loader.record(record.data(), record.emittedAt());
            listener.recordLoaded(record.stream(), loader.recordsRead());
        } else if (message instanceof AirbyteStateMessage state && state.stream() != null) {
            loader(state.stream().streamDescriptor().name())
                    .checkpoint(StreamState.of(state.stream().streamState()));
        } else if (message instanceof AirbyteTrace trace) {
            trace(trace);
        }
    }

    private void trace(AirbyteTrace trace) {
        if (trace.streamStatus() != null) {
            String stream = trace.streamStatus().streamDescriptor().name();
            StreamLoader loader = loaders.get(stream);
            if (loader == null) {
                return;
            }
            switch (trace.streamStatus().status()) {
                case STARTED -> {
                    startedAt.put(stream, clock.millis());
                    listener.streamStarted(stream, loader.plan().table(), loader.plan().describe());
                    loader.start();
                }
                case RUNNING -> { }
                case COMPLETE -> {
                    loader.complete();
                    finished(loader);
                }
                case INCOMPLETE -> {
                    loader.fail();
                    errors.putIfAbsent(stream, "The stream did not complete");
                    finished(loader);
                }
            }
        } else if (trace.error() != null && trace.error().streamDescriptor() != null) {
            String stream = trace.error().streamDescriptor().name();
            errors.put(stream, obtained.mask(masker, trace.error().message()));
            // The error TRACE follows INCOMPLETE: report the stream again now that its reason is known.
            StreamLoader loader = loaders.get(stream);
            if (loader != null) {
                listener.streamFinished(result(loader));
            }
        }
    }

    private void finished(StreamLoader loader) {
        String stream = loader.plan().stream();
        elapsed.put(stream, Duration.ofMillis(clock.millis() - startedAt.getOrDefault(stream, clock.millis())));
        if (!errors.containsKey(stream)) {
            listener.streamFinished(result(loader));
        }
    }

    private StreamLoader loader(String stream) {
        StreamLoader loader = current;
        if (loader == null || !loader.plan().stream().equals(stream)) {
            loader = loaders.get(stream);
            if (loader == null) {
                throw new IllegalStateException("The source sent a message for the unselected stream " + stream);
            }
            current = loader;
        }
        return loader;
    }

    /** One result per stream, in catalog order; a stream the source never started counts as failed. */
    List<StreamResult> results() {
        List<StreamResult> results = new ArrayList<>();
        for (StreamLoader loader : loaders.values()) {
            String stream = loader.plan().stream();
            String error = errors.get(stream);
            if (error == null && !elapsed.containsKey(stream)) {
                error = "The source did not read this stream";
            }
            results.add(new StreamResult(stream, loader.plan().table(), loader.plan().describe(),
                    loader.recordsRead(), loader.recordsCommitted(), elapsed.getOrDefault(stream, Duration.ZERO),
                    error));
        }
        return results;
    }

    private StreamResult result(StreamLoader loader) {
        String stream = loader.plan().stream();
        return new StreamResult(stream, loader.plan().table(), loader.plan().describe(), loader.recordsRead(),
                loader.recordsCommitted(), elapsed.getOrDefault(stream, Duration.ZERO), errors.get(stream));
    }
}

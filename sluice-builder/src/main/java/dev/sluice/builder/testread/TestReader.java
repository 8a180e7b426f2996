package dev.sluice.builder.testread;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.builder.ManifestInput;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs test reads: one stream of a manifest, read with concurrency 1 within the limits, every request and
 * response observed, grouped into a {@link StreamRead} as the reference's {@code TestReader.run_test_read} groups
 * the messages it reads. Each read is its own run; nothing is kept between reads, so one reader may serve many
 * (the web app's) requests, also at once.
 */
public final class TestReader {

    private final Consumer<RunContext> runSetup;

    /** A reader whose runs use the default services (the JDK HTTP transport with its timeouts). */
    public TestReader() {
        this(run -> {
        });
    }

    /**
     * A reader that sets up each run before the source is built (tests preset a transport with short timeouts).
     */
    public TestReader(Consumer<RunContext> runSetup) {
        this.runSetup = requireNonNull(runSetup, "runSetup is null");
    }

    /**
     * Reads {@code stream} of {@code manifest} with {@code config} from {@code state} (the state file's JSON, a list
     * of state messages, or null to start afresh). A read that fails part way is not thrown: its error is the last
     * log line of the result (level {@code ERROR}), as the reference shows it. What is thrown is what stops the
     * read before it starts: an invalid manifest, a stream the manifest does not have.
     */
    public StreamRead testRead(ManifestInput manifest, JsonNode config, String stream, TestReadLimits limits,
            @Nullable JsonNode state) {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(config, "config is null");
        requireNonNull(stream, "stream is null");
        requireNonNull(limits, "limits is null");
        throw new ConnectorException(FailureType.SYSTEM_ERROR, "test reads are not implemented yet");
    }

    Consumer<RunContext> runSetup() {
        return runSetup;
    }
}

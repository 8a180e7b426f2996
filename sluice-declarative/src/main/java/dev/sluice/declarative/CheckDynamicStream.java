package dev.sluice.declarative;

import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import java.util.List;
import java.util.Optional;

/** Runtime of {@link CheckDynamicStreamSpec}. */
final class CheckDynamicStream implements ConnectionCheck {

    private final int streamCount;
    private final boolean useCheckAvailability;

    CheckDynamicStream(int streamCount, boolean useCheckAvailability) {
        this.streamCount = streamCount;
        this.useCheckAvailability = useCheckAvailability;
    }

    @Override
    public ConnectionStatus check(CheckedStreams checked, RunContext run) {
        List<Stream> streams = checked.streams();
        if (streams.isEmpty()) {
            return ConnectionStatus.failed("The source has no streams to connect to");
        }
        if (!useCheckAvailability) {
            return ConnectionStatus.succeeded();
        }
        // Python's streams[:min(n, len)]: a negative count leaves that many streams out at the end.
        int end = Math.min(streamCount, streams.size());
        for (Stream stream : streams.subList(0, end < 0 ? Math.max(0, streams.size() + end) : end)) {
            Optional<String> unavailable = CheckStream.unavailable(stream, run);
            if (unavailable.isPresent()) {
                return ConnectionStatus.failed("Stream " + stream.name() + " is not available: " + unavailable.get());
            }
        }
        return ConnectionStatus.succeeded();
    }
}

package dev.sluice.runner;

import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.MessageSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps every message, with typed views for assertions. */
final class CollectingSink implements MessageSink {
    final List<AirbyteMessage> messages = new ArrayList<>();

    @Override
    public void accept(AirbyteMessage message) {
        messages.add(message);
    }

    List<AirbyteRecord> records() {
        return messages.stream().filter(AirbyteRecord.class::isInstance).map(AirbyteRecord.class::cast).toList();
    }

    List<AirbyteStateMessage> states() {
        return messages.stream().filter(AirbyteStateMessage.class::isInstance)
                .map(AirbyteStateMessage.class::cast).toList();
    }

    List<AirbyteTrace> errors() {
        return messages.stream().filter(AirbyteTrace.class::isInstance).map(AirbyteTrace.class::cast)
                .filter(t -> t.type() == AirbyteTrace.TraceType.ERROR).toList();
    }

    /** A compact transcript: "STARTED a", "RECORD a", "STATE a 2.0", "ERROR a", ... */
    List<String> transcript() {
        List<String> lines = new ArrayList<>();
        for (AirbyteMessage message : messages) {
            if (message instanceof AirbyteRecord record) {
                lines.add("RECORD " + record.stream());
            } else if (message instanceof AirbyteStateMessage state) {
                lines.add("STATE " + state.stream().streamDescriptor().name() + " "
                        + state.stream().streamState() + " " + state.sourceStats().recordCount());
            } else if (message instanceof AirbyteTrace trace && trace.streamStatus() != null) {
                lines.add(trace.streamStatus().status() + " " + trace.streamStatus().streamDescriptor().name());
            } else if (message instanceof AirbyteTrace trace && trace.error() != null) {
                lines.add("ERROR " + (trace.error().streamDescriptor() == null ? "-"
                        : trace.error().streamDescriptor().name()) + " " + trace.error().failureType().wireName());
            } else {
                lines.add(message.messageType().name());
            }
        }
        return lines;
    }
}

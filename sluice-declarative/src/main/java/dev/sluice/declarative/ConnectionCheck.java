package dev.sluice.declarative;

import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.source.RunContext;

/** Runtime of a {@link CheckSpec}: whether the connection works, judged by reading the source's streams. */
public interface ConnectionCheck {

    /** Whether the connection works, reading {@code streams} in {@code run}. */
    ConnectionStatus check(CheckedStreams streams, RunContext run);
}

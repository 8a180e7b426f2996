package dev.sluice.declarative;

import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import java.util.List;

/** Runtime of a {@link CheckSpec}: whether the connection works, judged by reading the source's streams. */
public interface ConnectionCheck {

    /** Whether the connection works, reading {@code streams} in {@code run}. */
    ConnectionStatus check(List<Stream> streams, RunContext run);
}

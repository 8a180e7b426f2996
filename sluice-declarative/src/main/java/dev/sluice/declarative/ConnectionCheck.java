package dev.sluice.declarative;

import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.source.Stream;
import java.util.List;

/** Runtime of a {@link CheckSpec}: whether the connection works, judged by reading the source's streams. */
public interface ConnectionCheck {

    ConnectionStatus check(List<Stream> streams);
}

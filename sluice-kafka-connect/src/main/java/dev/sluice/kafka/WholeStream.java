package dev.sluice.kafka;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.source.HistorySplitting;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamPartitioning;
import dev.sluice.source.StreamSink;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stream of a stream group ({@link Stream#exclusiveGroups}) as the connector plans it: one whole unit, neither
 * partitioned nor split, so that its reads (its parents' included) happen in the one task that reads every stream
 * sharing a group with it, one after another — never in the connector's partition listing, nor in two tasks at once.
 */
final class WholeStream implements Stream {

    private final Stream stream;

    WholeStream(Stream stream) {
        this.stream = requireNonNull(stream, "stream is null");
    }

    /** {@code stream} as a whole when it is in a stream group, else itself. */
    static Stream of(Stream stream) {
        return stream.exclusiveGroups().isEmpty() ? stream : new WholeStream(stream);
    }

    @Override
    public String name() {
        return stream.name();
    }

    @Override
    public ObjectNode jsonSchema() {
        return stream.jsonSchema();
    }

    @Override
    public PrimaryKey primaryKey() {
        return stream.primaryKey();
    }

    @Override
    public List<String> cursorField() {
        return stream.cursorField();
    }

    @Override
    public boolean sourceDefinedCursor() {
        return stream.sourceDefinedCursor();
    }

    @Override
    public boolean isResumable() {
        return stream.isResumable();
    }

    @Override
    public @Nullable String namespace() {
        return stream.namespace();
    }

    @Override
    public void read(ReadRequest request, StreamSink sink) {
        stream.read(request, sink);
    }

    @Override
    public Optional<StreamPartitioning> partitioning() {
        return Optional.empty();
    }

    @Override
    public Optional<HistorySplitting> historySplitting() {
        return Optional.empty();
    }

    @Override
    public Stream sequential() {
        return new WholeStream(stream.sequential());
    }

    @Override
    public Set<String> exclusiveGroups() {
        return stream.exclusiveGroups();
    }

    @Override
    public AirbyteStream toAirbyteStream() {
        return stream.toAirbyteStream();
    }
}

package dev.sluice.declarative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.retriever.Retriever;
import dev.sluice.declarative.schema.SchemaLoader;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.SyncMode;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A stream built from a {@link DeclarativeStreamSpec}. The retriever is built on first read, so that
 * {@code discover} needs nothing but names, schemas and keys.
 */
public final class DeclarativeStream implements Stream {

    private final String name;
    private final PrimaryKey primaryKey;
    private final SchemaLoader schema;
    private final CursorDeclaration cursor;
    private final Supplier<? extends Retriever> retrieverFactory;
    private final boolean partitioned;
    private volatile Retriever retriever;

    DeclarativeStream(String name, PrimaryKey primaryKey, SchemaLoader schema, CursorDeclaration cursor,
            Supplier<? extends Retriever> retrieverFactory, boolean partitioned) {
        this.name = name;
        this.primaryKey = primaryKey;
        this.schema = schema;
        this.cursor = cursor;
        this.retrieverFactory = retrieverFactory;
        this.partitioned = partitioned;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ObjectNode jsonSchema() {
        return schema.load();
    }

    @Override
    public PrimaryKey primaryKey() {
        return primaryKey;
    }

    @Override
    public List<String> cursorField() {
        return cursor.cursorField();
    }

    @Override
    public boolean sourceDefinedCursor() {
        return cursor.sourceDefined();
    }

    @Override
    public boolean isResumable() {
        return cursor.isIncremental();
    }

    @Override
    public AirbyteStream toAirbyteStream() {
        List<SyncMode> modes = new ArrayList<>(List.of(SyncMode.FULL_REFRESH));
        if (cursor.isIncremental()) {
            modes.add(SyncMode.INCREMENTAL);
        }
        return new AirbyteStream(name, jsonSchema(), modes,
                cursor.isIncremental() ? cursor.sourceDefined() : null,
                cursor.isIncremental() ? cursor.cursorField() : null,
                primaryKey.isEmpty() ? null : primaryKey.paths(), null, cursor.isIncremental(), false);
    }

    @Override
    public void read(ReadRequest request, StreamSink sink) {
        if (cursor.isIncremental() || partitioned) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Stream " + name
                    + " uses incremental_sync or a partition router, which this build of Sluice cannot read yet");
        }
        retriever().read(StreamSlice.EMPTY, RequestOptions.NONE, sink::record);
    }

    private Retriever retriever() {
        Retriever result = retriever;
        if (result == null) {
            synchronized (this) {
                result = retriever;
                if (result == null) {
                    result = retrieverFactory.get();
                    retriever = result;
                }
            }
        }
        return result;
    }
}

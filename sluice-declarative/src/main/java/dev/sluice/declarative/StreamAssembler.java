package dev.sluice.declarative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.concurrent.ConcurrentReader;
import dev.sluice.declarative.concurrent.ReadPlan;
import dev.sluice.declarative.concurrent.SliceReader;
import dev.sluice.declarative.file.FileUploaderSpec;
import dev.sluice.declarative.file.FileUploadingSink;
import dev.sluice.declarative.incremental.FinalStateCursor;
import dev.sluice.declarative.incremental.HistoryRanges;
import dev.sluice.declarative.incremental.IncrementalSync;
import dev.sluice.declarative.incremental.IncrementalSyncSpec;
import dev.sluice.declarative.incremental.MigrationTarget;
import dev.sluice.declarative.incremental.StateMigrationSpec;
import dev.sluice.declarative.incremental.StreamCursor;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.partition.CartesianProductRouter;
import dev.sluice.declarative.partition.OptionsOverlay;
import dev.sluice.declarative.partition.PartitionRouter;
import dev.sluice.declarative.partition.PartitionRouterSpec;
import dev.sluice.declarative.partition.SinglePartitionRouter;
import dev.sluice.declarative.retriever.RecordGate;
import dev.sluice.declarative.retriever.RetrieverRead;
import dev.sluice.declarative.retriever.RetrieverSpec;
import dev.sluice.declarative.retriever.SliceRequests;
import dev.sluice.declarative.retriever.StreamRetriever;
import dev.sluice.declarative.schema.SchemaLoader;
import dev.sluice.declarative.transform.RecordTransformation;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.HistoryRange;
import dev.sluice.source.HistorySplit;
import dev.sluice.source.HistorySplitting;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.RouterPartition;
import dev.sluice.source.StreamPartitioning;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The one wiring class: turns a {@link DeclarativeStreamSpec} into a {@link DeclarativeStream} whose reads combine
 * the state migrations, the partition routers, the incremental cursor and the retriever as the reference does:
 * without {@code incremental_sync} the routers' partitions are the slices; with it, the cursor's windows (per
 * partition when there is a router). The retriever is built on the first read and shared by all slices.
 *
 * <p>It is also the stream's {@link DeclarativeStream.Planner} for partitions: a router's partition is read through a
 * {@link SinglePartitionRouter} (so the cursor and its state are those of a whole read, restricted to the partition),
 * and a {@link HistoryRange} of a split history through the datetime cursor limited to it.
 */
final class StreamAssembler implements DeclarativeStream.Planner {

    private final DeclarativeStreamSpec spec;
    private final BuildContext context;
    private final String name;
    private final RetrieverSpec retrieverSpec;
    private final List<UnaryOperator<StreamState>> migrations;
    private final SchemaLoader schema;
    private volatile @Nullable StreamRetriever retriever;
    private final Runnable loadSchemaOnce;

    private StreamAssembler(DeclarativeStreamSpec spec, BuildContext context) {
        this.spec = spec;
        this.context = context;
        this.name = spec.streamName();
        this.retrieverSpec = spec.retriever();
        this.migrations = migrations();
        this.schema = SchemaLoaders.of(spec.schemaLoader(), context, name);
        this.loadSchemaOnce = SchemaLoaders.once(schema);
    }

    static DeclarativeStream assemble(DeclarativeStreamSpec spec, BuildContext context) {
        StreamAssembler assembler = new StreamAssembler(spec, context);
        IncrementalSyncSpec incremental = spec.incrementalSync();
        DeclarativeStream.CursorInfo cursor = incremental == null ? DeclarativeStream.CursorInfo.NONE
                : new DeclarativeStream.CursorInfo(incremental.cursorField(context),
                        !incremental.cursorFieldFromCatalog());
        return new DeclarativeStream(assembler.name, PrimaryKey.parse(spec.primaryKey()), assembler.schema, cursor,
                assembler, ConcurrencyLevelSpec.DEFAULT);
    }

    @Override
    public ReadPlan plan(StreamState incoming) {
        StreamState state = migrated(incoming);
        PartitionRouter router = router(state);
        IncrementalSync sync = incrementalSync();
        return plan(router, sync, sync == null ? new FinalStateCursor(router) : sync.cursor(state, router));
    }

    private ReadPlan plan(@Nullable PartitionRouter router, @Nullable IncrementalSync sync, StreamCursor cursor) {
        // A pagination reset asks for the options of a narrowed slice and for the cursor's narrowing of it.
        SliceRequests requests = SliceRequests.of(slice -> options(router, sync, slice),
                () -> sync == null ? Optional.empty() : sync.sliceNarrowing());
        RetrieverRead read = retriever().newRead();
        SliceReader reader = (slice, records) -> {
            loadSchemaOnce.run();
            read.read(slice, requests, gate(cursor, sync, slice), dataFeedFilter(cursor, sync, slice, records));
        };
        return new ReadPlan(retriever().preparesSlices() ? new PreparedSlicesCursor(cursor, read) : cursor, reader);
    }

    /** The state after every migration in order (a sequential reduction: the combiner is never called). */
    private StreamState migrated(StreamState incoming) {
        return migrations.stream().reduce(incoming, (state, migration) -> migration.apply(state), (a, b) -> b);
    }

    private boolean isPartitioned() {
        return !retrieverSpec.partitionRouter().isEmpty();
    }

    @Override
    public Optional<StreamPartitioning> partitioning(ConcurrentReader reader) {
        if (!isPartitioned()) {
            return Optional.empty();
        }
        return Optional.of(new StreamPartitioning() {
            @Override
            public List<RouterPartition> partitions() {
                return routerPartitions();
            }

            @Override
            public void read(RouterPartition partition, ReadRequest request, StreamSink sink) {
                reader.read(planPartition(partition, request.state()), delivery(sink));
            }
        });
    }

    @Override
    public Optional<HistorySplitting> historySplitting(ConcurrentReader reader) {
        IncrementalSync sync = isPartitioned() ? null : incrementalSync();
        if (sync == null || sync.historyRanges().isEmpty()) {
            return Optional.empty();
        }
        HistoryRanges ranges = sync.historyRanges().get();
        return Optional.of(new HistorySplitting() {
            @Override
            public Optional<HistorySplit> split(int count) {
                return ranges.splitHistory(count);
            }

            @Override
            public void read(HistoryRange range, ReadRequest request, StreamSink sink) {
                reader.read(plan(null, sync, ranges.rangeCursor(request.state(), range)), delivery(sink));
            }
        });
    }

    /** Every partition from the parents' beginning; a partition the router repeats is listed once. */
    private List<RouterPartition> routerPartitions() {
        PartitionRouter router = router(StreamState.empty());
        if (router == null) {
            return List.of();
        }
        Map<String, RouterPartition> found = new LinkedHashMap<>();
        router.partitions(slice -> {
            String key = StreamSlice.ofPartition(slice.partition()).key();
            found.putIfAbsent(key, new RouterPartition(key, slice.partition(), slice.extraFields()));
        });
        return List.copyOf(found.values());
    }

    /** A read of one partition through a router restricted to it, from that partition's own state. */
    private ReadPlan planPartition(RouterPartition partition, StreamState incoming) {
        PartitionRouter router = router(StreamState.empty());
        if (router == null) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "Stream " + name + " has no partition "
                    + partition.key(), "stream " + name + " cannot read partition " + partition.key(), null);
        }
        StreamSlice only = new StreamSlice(partition.values(), Json.object(), partition.extraFields());
        PartitionRouter single = new SinglePartitionRouter(router, only);
        StreamState state = migrated(incoming);
        IncrementalSync sync = incrementalSync();
        return plan(single, sync, sync == null ? new FinalStateCursor(single) : sync.cursor(state, single));
    }

    @Override
    public StreamSink delivery(StreamSink sink) {
        FileUploaderSpec uploader = spec.fileUploader();
        return uploader == null ? sink : new FileUploadingSink(uploader.build(context, name), sink);
    }

    @Override
    public boolean isFileBased() {
        return spec.fileUploader() != null;
    }

    private @Nullable IncrementalSync incrementalSync() {
        return spec.incrementalSync() == null ? null : spec.incrementalSync().build(context, name);
    }

    private @Nullable PartitionRouter router(StreamState state) {
        List<PartitionRouterSpec> specs = retrieverSpec.partitionRouter();
        if (specs.isEmpty()) {
            return null;
        }
        List<PartitionRouter> routers = new ArrayList<>();
        specs.forEach(router -> routers.add(router.build(context, state)));
        return CartesianProductRouter.of(routers);
    }

    /** With a cursor and a router, the router's options overlaid by the cursor's (no collision check). */
    private static RequestOptions options(@Nullable PartitionRouter router, @Nullable IncrementalSync sync,
            StreamSlice slice) {
        RequestOptions fromRouter = router == null ? RequestOptions.NONE : router.requestOptions(slice);
        return sync == null ? fromRouter : OptionsOverlay.overlay(fromRouter, sync.requestOptions(slice));
    }

    private static RecordGate gate(StreamCursor cursor, @Nullable IncrementalSync sync, StreamSlice slice) {
        if (sync == null) {
            return RecordGate.OPEN;
        }
        if (sync.isDataFeed()) {
            return new RecordGate() {
                @Override
                public boolean stopAfter(ObjectNode last) {
                    return !cursor.shouldBeSynced(slice, last);
                }
            };
        }
        if (sync.isClientSide()) {
            return new RecordGate() {
                @Override
                public boolean keep(ObjectNode record) {
                    return cursor.shouldBeSynced(slice, record);
                }
            };
        }
        return RecordGate.OPEN;
    }

    /** A data feed drops already synced records after pagination, so that the stop condition still sees them. */
    private static Consumer<ObjectNode> dataFeedFilter(StreamCursor cursor, @Nullable IncrementalSync sync,
            StreamSlice slice, Consumer<ObjectNode> records) {
        if (sync == null || !sync.isDataFeed()) {
            return records;
        }
        return record -> {
            if (cursor.shouldBeSynced(slice, record)) {
                records.accept(record);
            }
        };
    }

    private StreamRetriever retriever() {
        StreamRetriever result = retriever;
        if (result == null) {
            synchronized (this) {
                result = retriever;
                if (result == null) {
                    List<RecordTransformation> steps = spec.transformations().stream()
                            .map(transformation -> transformation.build(context)).toList();
                    boolean clientSide = spec.incrementalSync() != null
                            && spec.incrementalSync().clientSideFiltering();
                    result = retrieverSpec.build(context, spec.streamName(), steps, schema::load, clientSide);
                    retriever = result;
                }
            }
        }
        return result;
    }

    private List<UnaryOperator<StreamState>> migrations() {
        List<StateMigrationSpec> specs = spec.stateMigrations();
        if (specs.isEmpty()) {
            return List.of();
        }
        MigrationTarget target = new MigrationTarget() {
            @Override
            public @Nullable String legacyPartitionField() {
                List<PartitionRouterSpec> routers = retrieverSpec.partitionRouter();
                if (routers.size() != 1 || spec.incrementalSync() == null) {
                    throw new ManifestException("state_migrations: LegacyToPerPartitionStateMigrations can only be "
                            + "applied on a stream with incremental_sync and a SubstreamPartitionRouter or "
                            + "UnionPartitionRouter");
                }
                try {
                    return routers.get(0).legacyPartitionField();
                } catch (IllegalArgumentException e) {
                    throw new ManifestException("state_migrations: " + e.getMessage());
                }
            }

            @Override
            public String cursorField() {
                return spec.incrementalSync() == null ? "" : spec.incrementalSync().cursorField();
            }

            @Override
            public @Nullable ObjectNode parameters() {
                return spec.parameters();
            }
        };
        List<UnaryOperator<StreamState>> result = new ArrayList<>();
        for (StateMigrationSpec migration : specs) {
            result.add(migration.build(context, target));
        }
        return result;
    }
}

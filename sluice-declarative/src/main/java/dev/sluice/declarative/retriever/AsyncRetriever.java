package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.asyncjob.AsyncJob;
import dev.sluice.declarative.asyncjob.JobOrchestrator;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.extractor.RecordSelector;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runtime of {@link AsyncRetrieverSpec}. Each read gets its own {@link JobOrchestrator}: the cursor's slices go to
 * it, and a slice comes out once its job completed; reading that slice downloads the job's results, passes each
 * downloaded record through the {@code record_selector}'s filter, transformations and normalisation (its
 * extractor is not used: the download extractor found the records), and deletes the job. As in the reference, the
 * request options of the stream's cursor and partition router do not reach the job requests: their templates read
 * the slice ({@code stream_slice}, {@code stream_partition}) instead.
 */
public final class AsyncRetriever implements StreamRetriever {

    private final RecordSelector selector;
    private final InterpolationContext interpolation;
    private final Supplier<JobOrchestrator> orchestrators;

    AsyncRetriever(RecordSelector selector, InterpolationContext interpolation,
            Supplier<JobOrchestrator> orchestrators) {
        this.selector = selector;
        this.interpolation = interpolation;
        this.orchestrators = orchestrators;
    }

    @Override
    public RetrieverRead newRead() {
        return new JobsRead(orchestrators.get());
    }

    @Override
    public boolean preparesSlices() {
        return true;
    }

    /** A slice read on its own (not through {@link #newRead}): its job is run, then its results read. */
    @Override
    public void read(StreamSlice slice, RequestOptions sliceOptions, RecordGate gate, Consumer<ObjectNode> records) {
        RetrieverRead read = newRead();
        read.slices(out -> out.accept(slice), ready -> read.read(ready, SliceRequests.fixed(sliceOptions), gate,
                records));
    }

    /** The jobs of one read, and the slices whose jobs completed, waiting to be read. */
    private final class JobsRead implements RetrieverRead {

        private final JobOrchestrator orchestrator;
        private final Map<StreamSlice, Deque<List<AsyncJob>>> completed = new ConcurrentHashMap<>();

        JobsRead(JobOrchestrator orchestrator) {
            this.orchestrator = orchestrator;
        }

        @Override
        public void slices(CursorSlices cursor, Consumer<StreamSlice> ready) {
            orchestrator.run(cursor::push, (slice, jobs) -> {
                completed.computeIfAbsent(slice, key -> new ConcurrentLinkedDeque<>()).add(jobs);
                ready.accept(slice);
            });
        }

        @Override
        public void read(StreamSlice slice, SliceRequests requests, RecordGate gate,
                Consumer<ObjectNode> records) {
            Deque<List<AsyncJob>> waiting = completed.get(slice);
            List<AsyncJob> jobs = waiting == null ? null : waiting.poll();
            if (jobs == null) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "Slice " + slice
                        + " has no completed async job to read; an AsyncRetriever reads only the slices its jobs made");
            }
            RecordContext context = RecordContext.of(interpolation, slice, null);
            orchestrator.fetchRecords(jobs, record -> {
                ObjectNode selected = selector.selectOne(record, context);
                if (selected != null && gate.keep(selected)) {
                    records.accept(selected);
                }
            });
        }
    }
}

package dev.sluice.declarative.concurrent;

import static dev.sluice.declarative.TestManifests.clockAt;
import static dev.sluice.declarative.TestManifests.context;
import static dev.sluice.declarative.TestManifests.streamWithCursor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.incremental.FinalStateCursor;
import dev.sluice.declarative.incremental.StreamCursor;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The engine's guarantees: order, failures, interruption and bounded work ahead of the sink. */
class ConcurrentReaderTest {

    private static final String DAILY = """
            type: DatetimeBasedCursor
            cursor_field: updated_at
            datetime_format: "%Y-%m-%dT%H:%M:%SZ"
            start_datetime: "2024-01-01T00:00:00Z"
            step: P1D
            cursor_granularity: PT1S
            """;

    private static StreamCursor dailyCursor() {
        return streamWithCursor(DAILY).incrementalSync().build(context("{}", clockAt("2024-01-31T00:00:00Z")), "items")
                .cursor(StreamState.empty(), null);
    }

    /** Three records per window, at 01:00, 02:00 and 03:00 of its day; later windows answer faster. */
    private static SliceReader threeRecordsPerDay(AtomicInteger reads) {
        return (slice, records) -> {
            String day = slice.cursorSlice().get("start_time").asText().substring(0, 10);
            int dayOfMonth = Integer.parseInt(day.substring(8));
            sleep((31 - dayOfMonth) % 7);
            for (int hour = 1; hour <= 3; hour++) {
                records.accept(Json.object().put("id", day + "/" + hour).put("updated_at", day + "T0" + hour + ":00:00Z"));
            }
            reads.incrementAndGet();
        };
    }

    @Test
    void everyCheckpointFollowsTheRecordsItCovers() {
        RecordingSink sink = new RecordingSink();
        new ConcurrentReader("items", 4).read(new ReadPlan(dailyCursor(), threeRecordsPerDay(new AtomicInteger())), sink);

        assertThat(sink.records).hasSize(90);
        assertThat(sink.checkpoints).as("one per window and a final one").hasSize(31);
        for (int i = 0; i < sink.events.size(); i++) {
            if (sink.events.get(i) instanceof StreamState checkpoint) {
                String claimed = checkpoint.json().get("updated_at").asText();
                List<Object> before = sink.events.subList(0, i);
                sink.records.stream().filter(record -> record.get("updated_at").asText().compareTo(claimed) <= 0)
                        .forEach(covered -> assertThat(before).as("checkpoint %s covers %s", claimed, covered)
                                .contains(covered));
            }
        }
        assertThat(sink.checkpoints.get(sink.checkpoints.size() - 1).json().get("updated_at").asText())
                .isEqualTo("2024-01-30T03:00:00Z");
        assertThat(sink.threads).as("the sink is called from the reading thread only").hasSize(1);
    }

    @Test
    void aFailingSliceDoesNotStopTheOthersAndIsThrownAfterTheFinalCheckpoint() {
        RecordingSink sink = new RecordingSink();
        AtomicInteger reads = new AtomicInteger();
        SliceReader delegate = threeRecordsPerDay(reads);
        SliceReader failing = (slice, records) -> {
            if (slice.cursorSlice().get("start_time").asText().startsWith("2024-01-10")) {
                throw new ConnectorException(FailureType.TRANSIENT_ERROR, "day 10 is down");
            }
            delegate.read(slice, records);
        };

        Throwable thrown = catchThrowable(() -> new ConcurrentReader("items", 3).read(
                new ReadPlan(dailyCursor(), failing), sink));

        assertThat(thrown).isInstanceOf(ConnectorException.class).hasMessage("day 10 is down");
        assertThat(reads).hasValue(29);
        assertThat(sink.records).hasSize(87);
        assertThat(sink.events.get(sink.events.size() - 1)).as("the final checkpoint, before the failure is thrown")
                .isEqualTo(new StreamState(Json.object().put("updated_at", "2024-01-09T03:00:00Z")));
    }

    @Test
    void aReaderThatStopsAtFailureReadsNoLaterSliceAndClaimsNothingPastTheLastGoodOne() {
        RecordingSink sink = new RecordingSink();
        AtomicInteger reads = new AtomicInteger();
        SliceReader delegate = threeRecordsPerDay(reads);
        SliceReader failing = (slice, records) -> {
            if (slice.cursorSlice().get("start_time").asText().startsWith("2024-01-10")) {
                records.accept(Json.object().put("id", "2024-01-10/1").put("updated_at", "2024-01-10T01:00:00Z"));
                throw new ConnectorException(FailureType.TRANSIENT_ERROR, "day 10 is down");
            }
            delegate.read(slice, records);
        };

        Throwable thrown = catchThrowable(() -> new ConcurrentReader("items", 1, 8, true).read(
                new ReadPlan(dailyCursor(), failing), sink));

        assertThat(thrown).isInstanceOf(ConnectorException.class).hasMessage("day 10 is down");
        assertThat(reads).as("days 1 to 9, then the failure; at most the next slice was already under way")
                .hasValueBetween(9, 10);
        assertThat(sink.checkpoints.get(sink.checkpoints.size() - 1)).as("the last checkpoint is day 9's")
                .isEqualTo(new StreamState(Json.object().put("updated_at", "2024-01-09T03:00:00Z")));
        int lastCheckpoint = sink.events.lastIndexOf(sink.checkpoints.get(sink.checkpoints.size() - 1));
        assertThat(sink.events.subList(lastCheckpoint + 1, sink.events.size()))
                .as("after it only what day 10 read before failing").containsExactly(
                        Json.object().put("id", "2024-01-10/1").put("updated_at", "2024-01-10T01:00:00Z"));
    }

    @Test
    void theRecordsASliceReadBeforeItFailedAreDelivered() {
        RecordingSink sink = new RecordingSink();
        SliceReader firstPageThenFailure = (slice, records) -> {
            String id = slice.partition().get("id").asText();
            for (int i = 0; i < 100; i++) {
                records.accept(Json.object().put("id", id + "/" + i));
            }
            throw new ConnectorException(FailureType.TRANSIENT_ERROR, "page 2 of " + id + " is down");
        };

        Throwable thrown = catchThrowable(() -> new ConcurrentReader("items", 2).read(
                new ReadPlan(new ListCursor(List.of("a", "b", "c")), firstPageThenFailure), sink));

        assertThat(thrown).isInstanceOf(ConnectorException.class);
        assertThat(sink.records).as("fewer than a batch per slice, all delivered").hasSize(300);
        assertThat(sink.records).extracting(record -> record.get("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void aStreamOfOneSliceIsReadOnTheCallingThreadWithTheSameGuarantees() {
        RecordingSink sink = new RecordingSink();
        Set<Thread> readers = new HashSet<>();
        SliceReader twoRecordsThenFailure = (slice, records) -> {
            readers.add(Thread.currentThread());
            records.accept(Json.object().put("id", 1));
            records.accept(Json.object().put("id", 2));
            throw new ConnectorException(FailureType.TRANSIENT_ERROR, "page 2 is down");
        };

        Throwable thrown = catchThrowable(() -> new ConcurrentReader("items", 4).read(
                new ReadPlan(new FinalStateCursor(null), twoRecordsThenFailure), sink));

        assertThat(readers).containsExactly(Thread.currentThread());
        assertThat(thrown).hasMessage("page 2 is down");
        assertThat(sink.events).containsExactly(Json.object().put("id", 1), Json.object().put("id", 2),
                StreamState.noCursor());
    }

    @Test
    void aFailureWhileGeneratingSlicesEndsTheReadAfterTheSlicesAlreadyStarted() {
        StreamCursor cursor = new ListCursor(List.of("a", "b")) {
            @Override
            public void slices(Consumer<StreamSlice> out) {
                super.slices(out);
                throw new ConnectorException(FailureType.CONFIG_ERROR, "the parent stream failed");
            }
        };
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> new ConcurrentReader("items", 2).read(new ReadPlan(cursor,
                (slice, records) -> records.accept(Json.object().put("id", slice.partition().get("id").asText()))),
                sink)).hasMessage("the parent stream failed");
        assertThat(sink.records).extracting(record -> record.get("id").asText()).containsExactlyInAnyOrder("a", "b");
        assertThat(sink.checkpoints).isNotEmpty();
    }

    @Test
    void interruptingTheReadingThreadStopsTheReadAndItsThreads() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch never = new CountDownLatch(1);
        SliceReader blocking = (slice, records) -> {
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException(FailureType.TRANSIENT_ERROR, "interrupted");
            }
        };
        Throwable[] thrown = {null};
        Thread reading = new Thread(() -> thrown[0] = catchThrowable(() -> new ConcurrentReader("blocked", 2)
                .read(new ReadPlan(new ListCursor(List.of("a", "b", "c", "d")), blocking), new RecordingSink())));
        reading.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        reading.interrupt();
        reading.join(30_000);

        assertThat(reading.isAlive()).isFalse();
        assertThat(thrown[0]).isInstanceOf(ConnectorException.class);
        assertThat(((ConnectorException) thrown[0]).failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
        awaitNoThreadNamed("sluice-blocked-");
    }

    @Test
    void readersNeverGetFarAheadOfTheSink() {
        int concurrency = 2;
        ListCursor cursor = new ListCursor(IntStream.range(0, 100).mapToObj(Integer::toString).toList());
        AtomicInteger maxAhead = new AtomicInteger();
        cursor.onAccept = () -> maxAhead.accumulateAndGet(cursor.accepted.get() - cursor.closed.get(), Math::max);
        SliceReader fifty = (slice, records) -> {
            for (int i = 0; i < 50; i++) {
                records.accept(Json.object().put("id", i));
            }
        };
        CountDownLatch generatorBlocked = new CountDownLatch(1);
        cursor.onAttempt = attempt -> {
            if (attempt > 2 * concurrency) {
                generatorBlocked.countDown();
            }
        };
        RecordingSink slowSink = new RecordingSink() {
            @Override
            public void record(ObjectNode data) {
                if (records.isEmpty()) {
                    await(generatorBlocked);
                }
                super.record(data);
            }
        };

        new ConcurrentReader("items", concurrency, 10).read(new ReadPlan(cursor, fifty), slowSink);

        assertThat(slowSink.records).hasSize(5_000);
        // Slices submitted and not yet closed: the permits, the readers' slices, and finished slices whose events
        // wait in the queue (each holds at least one of its 10 places). Without back-pressure it would be 100.
        assertThat(maxAhead.get()).as("slices submitted and not yet closed")
                .isLessThanOrEqualTo(3 * concurrency + 10);
    }

    private static void awaitNoThreadNamed(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(prefix) && t.isAlive())) {
            assertThat(System.nanoTime()).as("threads %s* still alive", prefix).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records what the engine delivers, and from which threads. */
    static class RecordingSink implements StreamSink {
        final List<Object> events = new ArrayList<>();
        final List<ObjectNode> records = new ArrayList<>();
        final List<StreamState> checkpoints = new ArrayList<>();
        final Set<Thread> threads = new HashSet<>();

        @Override
        public void record(ObjectNode data) {
            threads.add(Thread.currentThread());
            events.add(data);
            records.add(data);
        }

        @Override
        public void checkpoint(StreamState state) {
            threads.add(Thread.currentThread());
            events.add(state);
            checkpoints.add(state);
        }
    }

    /** One slice per id, a checkpoint counting closed slices. */
    static class ListCursor implements StreamCursor {
        final List<String> ids;
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        volatile Runnable onAccept = () -> { };
        volatile IntConsumer onAttempt = attempt -> { };

        ListCursor(List<String> ids) {
            this.ids = ids;
        }

        @Override
        public void slices(Consumer<StreamSlice> out) {
            int attempt = 0;
            for (String id : ids) {
                onAttempt.accept(++attempt);
                out.accept(StreamSlice.ofPartition(Json.object().put("id", id)));
                accepted.incrementAndGet();
                onAccept.run();
            }
        }

        @Override
        public void observe(StreamSlice slice, ObjectNode record) {
        }

        @Override
        public Optional<StreamState> close(StreamSlice slice) {
            return Optional.of(new StreamState(Json.object().put("closed", closed.incrementAndGet())));
        }

        @Override
        public StreamState finalState() {
            return state();
        }

        @Override
        public StreamState state() {
            return new StreamState(Json.object().put("closed", closed.get()));
        }
    }
}

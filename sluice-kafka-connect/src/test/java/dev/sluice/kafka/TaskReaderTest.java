package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** What the reading thread puts on the queue for a read: records, merged checkpoints, the last one marked. */
class TaskReaderTest {

    private static StreamState state(int value) {
        return StreamState.of(Json.object().put("ts", value));
    }

    /** A stream whose read is the given script. */
    private static Stream stream(boolean incremental, BiConsumer<ReadRequest, StreamSink> script) {
        return new Stream() {
            @Override
            public ObjectNode jsonSchema() {
                return Json.object();
            }

            @Override
            public List<String> cursorField() {
                return incremental ? List.of("ts") : List.of();
            }

            @Override
            public void read(ReadRequest request, StreamSink sink) {
                script.accept(request, sink);
            }
        };
    }

    /** The events of one read, on a thread of its own as in the task (the reader interrupts itself when it stops). */
    private static List<String> events(Stream stream) throws InterruptedException {
        BlockingQueue<ReadEvent> queue = new ArrayBlockingQueue<>(100);
        WorkUnit unit = WorkUnit.whole("s");
        try (RunContext run = RunContext.named("test")) {
            Thread reader = new Thread(new TaskReader(List.of(new UnitPlan(unit, stream, StreamState.empty(), false)),
                    queue, -1, Clock.systemUTC(), run));
            reader.start();
            reader.join();
        }
        List<String> events = new ArrayList<>();
        for (ReadEvent event : queue) {
            if (event instanceof ReadEvent.Record record) {
                events.add("R" + record.data().get("id"));
            } else if (event instanceof ReadEvent.Checkpoint checkpoint) {
                events.add((checkpoint.last() ? "LAST" : "C") + Json.write(checkpoint.state().json()));
            } else {
                events.add(event.getClass().getSimpleName());
            }
        }
        return events;
    }

    @Test
    void checkpointsWithoutRecordsBetweenThemAreMergedAndTheFinalOneIsLast() throws InterruptedException {
        List<String> events = events(stream(true, (request, sink) -> {
            sink.record(Json.object().put("id", 1));
            sink.checkpoint(state(1));
            sink.checkpoint(state(2));
            sink.record(Json.object().put("id", 2));
            sink.checkpoint(state(3));
        }));

        assertThat(events).containsExactly("R1", "C{\"ts\":2}", "R2", "LAST{\"ts\":3}", "Done");
    }

    @Test
    void aFailedReadKeepsItsLastCursorCheckpointButNotAClaimToBeComplete() throws InterruptedException {
        ConnectorException failure = new ConnectorException(FailureType.TRANSIENT_ERROR, "503");
        List<String> withCursor = events(stream(true, (request, sink) -> {
            sink.record(Json.object().put("id", 1));
            sink.checkpoint(state(1));
            throw failure;
        }));
        List<String> withoutCursor = events(stream(false, (request, sink) -> {
            sink.record(Json.object().put("id", 1));
            sink.checkpoint(StreamState.noCursor());
            throw failure;
        }));

        assertThat(withCursor).containsExactly("R1", "C{\"ts\":1}", "Failure");
        assertThat(withoutCursor).as("the engine's final 'no cursor' after a failure is not true")
                .containsExactly("R1", "Failure");
    }

    /**
     * The reference writes a failed stream's final STATE in its cursor's initial shape (concurrent_partition_cursor.py
     * {@code ensure_at_least_one_state_emitted} after a failed slicing); it covers no record, so it must not replace
     * the offset already stored. A checkpoint after records put since the last one is kept, as before.
     */
    @Test
    void aFailedReadDropsAFinalCheckpointThatCoversNoRecord() throws InterruptedException {
        ConnectorException failure = new ConnectorException(FailureType.SYSTEM_ERROR, "lookback_window: bad");
        List<String> nothingRead = events(stream(true, (request, sink) -> {
            sink.checkpoint(StreamState.of(Json.object().put("use_global_cursor", false).put("lookback_window", 0)));
            throw failure;
        }));
        List<String> afterACheckpoint = events(stream(true, (request, sink) -> {
            sink.record(Json.object().put("id", 1));
            sink.checkpoint(state(1));
            sink.record(Json.object().put("id", 2));
            sink.checkpoint(state(2));
            sink.checkpoint(state(1));
            throw failure;
        }));

        assertThat(nothingRead).containsExactly("Failure");
        assertThat(afterACheckpoint).containsExactly("R1", "C{\"ts\":1}", "R2", "C{\"ts\":1}", "Failure");
    }

    @Test
    void aFullRefreshThatNeverCheckpointsEndsWithNoCursor() throws InterruptedException {
        List<String> events = events(stream(false, (request, sink) -> sink.record(Json.object().put("id", 1))));

        assertThat(events).containsExactly("R1", "LAST{\"__ab_no_cursor_state_message\":true}", "Done");
    }
}

package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connect calls {@code stop()} from another thread than {@code poll()}: a poll after (or during) stop must not
 * start another reader in the closed run.
 */
class TaskStopTest {

    /** The name of this test's only stream, so that its reader threads are told apart from other tests'. */
    private static final String STREAM = "waits_until_stopped";

    @AfterEach
    void endLeftoverReaders() {
        readers().forEach(Thread::interrupt);
    }

    private static List<Thread> readers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("sluice-reader-" + STREAM) && thread.isAlive())
                .toList();
    }

    @Test
    void aPollAfterStopStartsNoReader() throws Exception {
        SluiceSourceTask task = new SluiceSourceTask();
        task.initialize(new FakeTaskContext());
        Map<String, String> settings = new HashMap<>();
        settings.put("name", "stopping");
        settings.put(SluiceConnectorConfig.SOURCE_CLASS, WaitingSource.class.getName());
        settings.put(SluiceConnectorConfig.SYNC_INTERVAL_MS, "-1");
        settings.put(WorkUnit.TASK_UNITS, WorkUnit.encode(List.of(WorkUnit.whole(STREAM))));
        task.start(settings);
        assertThat(readers()).as("the reader of the started task").hasSize(1);

        task.stop();
        assertThat(readers()).as("stop ends the reader").isEmpty();

        for (int i = 0; i < 3; i++) {
            assertThat(task.poll()).isNull();
        }
        assertThat(readers()).as("no poll after stop starts a reader").isEmpty();
    }

    /** A source whose one stream reads nothing until its thread is interrupted. */
    public static final class WaitingSource implements Source {
        @Override
        public ConnectorSpecification spec() {
            return ConnectorSpecification.of(null, Json.object());
        }

        @Override
        public List<Stream> streams(Config config) {
            return List.of(new Stream() {
                @Override
                public String name() {
                    return STREAM;
                }

                @Override
                public ObjectNode jsonSchema() {
                    return Json.object().put("type", "object");
                }

                @Override
                public void read(ReadRequest request, StreamSink sink) {
                    try {
                        new CountDownLatch(1).await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ConnectorException(FailureType.TRANSIENT_ERROR, "interrupted");
                    }
                }
            });
        }
    }
}

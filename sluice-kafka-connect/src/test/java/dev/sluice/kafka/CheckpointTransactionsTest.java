package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.examples.demo.api.Fault;
import dev.sluice.examples.demo.DemoSource;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The task with connector-defined transaction boundaries, against the demo API, with a transaction context that does
 * what the worker does with the task's requests: records since the last commit are committed when a record they end
 * with was asked to commit, and dropped when the batch asked for an abort.
 */
class CheckpointTransactionsTest {

    private static final String ENGINEERING = "/departments/1/employees";

    private DemoApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    /**
     * The worker's side of the transactions: what a read_committed consumer would see, and the offsets the worker
     * stores (each record's offset once it is sent, written with the next commit; an abort drops the records but,
     * as Connect does, still commits their offsets in a transaction of its own).
     */
    private static final class Worker implements TransactionContext {
        final List<SourceRecord> committed = new ArrayList<>();
        final List<Map<String, ?>> committedOffsets = new ArrayList<>();
        /** The offset store after each commit, with how many records were committed by then. */
        final List<Map<Map<String, ?>, Map<String, Object>>> stores = new ArrayList<>();
        final List<Integer> committedBy = new ArrayList<>();
        private final Map<Map<String, ?>, Map<String, Object>> store = new HashMap<>();
        private final Map<Map<String, ?>, Map<String, Object>> unflushed = new HashMap<>();
        private final List<SourceRecord> open = new ArrayList<>();
        private final Set<SourceRecord> commitOn = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean abortBatch;
        int aborts;

        /** Writes the offsets of the records sent since the last commit (committed or aborted). */
        private void flushOffsets() {
            store.putAll(unflushed);
            unflushed.clear();
            Map<Map<String, ?>, Map<String, Object>> copy = new HashMap<>();
            store.forEach((partition, offset) -> copy.put(partition, new HashMap<>(offset)));
            stores.add(copy);
            committedBy.add(committed.size());
        }

        @Override
        public void commitTransaction() {
            throw new AssertionError("the task commits at records carrying checkpoints only");
        }

        @Override
        public void commitTransaction(SourceRecord record) {
            commitOn.add(record);
        }

        @Override
        public void abortTransaction() {
            abortBatch = true;
        }

        @Override
        public void abortTransaction(SourceRecord record) {
            throw new AssertionError("the task aborts whole batches only");
        }

        /** Sends a batch (null for none) as the worker does, record by record, then ends the batch. */
        void send(List<SourceRecord> batch) {
            for (SourceRecord record : batch == null ? List.<SourceRecord>of() : batch) {
                open.add(record);
                @SuppressWarnings("unchecked")
                Map<String, Object> offset = (Map<String, Object>) record.sourceOffset();
                unflushed.put(record.sourcePartition(), offset);
                if (commitOn.remove(record)) {
                    committed.addAll(open);
                    committedOffsets.add(record.sourceOffset());
                    open.clear();
                    flushOffsets();
                }
            }
            if (abortBatch) {
                // The producer refuses to abort a transaction it has not begun, failing the task.
                assertThat(open).as("an abort with records in the open transaction").isNotEmpty();
                aborts++;
                open.clear();
                abortBatch = false;
                flushOffsets();
            }
        }
    }

    private static SourceTaskContext context(TransactionContext transactions) {
        return context(transactions, Map.of());
    }

    /** A context whose offset store holds {@code stored}. */
    private static SourceTaskContext context(TransactionContext transactions,
            Map<Map<String, ?>, Map<String, Object>> stored) {
        FakeTaskContext offsets = new FakeTaskContext();
        offsets.offsets.putAll(stored);
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return Map.of();
            }

            @Override
            public PluginMetrics pluginMetrics() {
                // The task registers its per-stream metrics at start: the fake context's real registry takes them.
                return offsets.pluginMetrics();
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return offsets.offsetStorageReader();
            }

            @Override
            public TransactionContext transactionContext() {
                return transactions;
            }
        };
    }

    /** The settings of a task reading with {@code manifest}, or with the code-first demo source when null. */
    private Map<String, String> settings(String manifest) {
        Map<String, String> settings = new HashMap<>();
        if (manifest == null) {
            settings.put(SluiceConnectorConfig.SOURCE_CLASS, DemoSource.class.getName());
        } else {
            settings.put(SluiceConnectorConfig.MANIFEST, manifest);
        }
        settings.put(SluiceConnectorConfig.SOURCE_CONFIG, Json.write(Json.object()
                .put("base_url", api.baseUri().toString())));
        settings.put(SluiceConnectorConfig.SYNC_INTERVAL_MS, "-1");
        // Small batches: checkpoints fall inside batches and between them.
        settings.put(SluiceConnectorConfig.POLL_BATCH, "10");
        settings.put(WorkUnit.TASK_UNITS, WorkUnit.encode(List.of(WorkUnit.whole("engineering_employees"),
                WorkUnit.whole("departments"))));
        return settings;
    }

    private static List<Object> ids(List<SourceRecord> records) {
        return records.stream().map(record -> (Object) ((Map<?, ?>) record.value()).get("id")).toList();
    }

    @Test
    void transactionsEndAtCheckpointsAndAFailedReadAbortsWhatFollowedTheLastOne() throws Exception {
        api = DemoApi.start(DemoApiOptions.defaults());
        // Pages of 30, a checkpoint every 100 records: page 2 refused past the source's 5 retries fails a read after
        // records past a checkpoint went out.
        api.faults().times(6, "/time_off_requests?page=2", new Fault.RateLimit(1));
        Worker worker = new Worker();
        SluiceSourceTask task = new SluiceSourceTask();
        task.initialize(context(worker));
        Map<String, String> settings = settings(null);
        settings.put(SluiceConnectorConfig.SOURCE_CONFIG, Json.write(config().json()));
        settings.put(WorkUnit.TASK_UNITS, WorkUnit.encode(List.of(WorkUnit.whole("time_off_requests"),
                WorkUnit.whole("employee_benefits"))));
        task.start(settings);
        int failures = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!task.drained()) {
            assertThat(System.nanoTime()).as("read within a minute").isLessThan(deadline);
            try {
                worker.send(task.poll());
            } catch (RetriableException e) {
                failures++;
                worker.send(null);
            }
        }
        task.stop();

        assertThat(failures).as("the refused page failed a read").isEqualTo(1);
        assertThat(worker.aborts).as("the failed read aborted what it read past its last checkpoint").isEqualTo(1);
        Output read = ConnectorHarness.of(new DemoSource()).readAll(config(), true, StateInput.empty());
        List<Object> expected = new ArrayList<>();
        for (String stream : List.of("time_off_requests", "employee_benefits")) {
            read.records(stream).forEach(record -> expected.add(record.get("id").asInt()));
        }
        assertThat(ids(worker.committed)).as("every record committed once, in order").isEqualTo(expected);
        assertThat(worker.committedOffsets).as("a transaction per checkpoint: 10 of time off requests, 1 of benefits")
                .hasSize(11);
    }

    /** Runs a task to its end against a worker whose offset store holds {@code stored}. */
    private static Worker readToTheEnd(Map<String, String> settings, Map<Map<String, ?>, Map<String, Object>> stored)
            throws InterruptedException {
        Worker worker = new Worker();
        SluiceSourceTask task = new SluiceSourceTask();
        task.initialize(context(worker, stored));
        task.start(settings);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!task.drained()) {
            assertThat(System.nanoTime()).as("read within a minute").isLessThan(deadline);
            try {
                worker.send(task.poll());
            } catch (RetriableException e) {
                worker.send(null);
            }
        }
        task.stop();
        return worker;
    }

    /**
     * Department 1's partition of the departments manifest (a cursor per partition, a checkpoint per month), read
     * from its start through a failed page, and then, as if its worker were killed after any one of its commits, read
     * again from what was committed by then: every record is committed exactly once. The checkpoint's cursor value is
     * that of the month's last record, which the resumed read reads again; only the boundary stored with the first
     * checkpoints of a unit read from its start tells that record was written.
     */
    @Test
    void aUnitResumedAfterAnyCommitWritesNoRecordTwice() throws Exception {
        api = DemoApi.start(DemoApiOptions.defaults());
        Map<String, String> settings = settings(DemoManifest.withoutRetries(DemoManifest.departments()));
        settings.put(SluiceConnectorConfig.SOURCE_CONFIG, Json.write(Json.object()
                .put("base_url", api.baseUri().toString()).put("page_size", 10)));
        // Batches smaller than a page: when the records of the page before the failed one come through (the
        // sequential reader may stop at the failure first), some went out in an earlier batch and are aborted.
        settings.put(SluiceConnectorConfig.POLL_BATCH, "4");
        settings.put(WorkUnit.TASK_UNITS, WorkUnit.encode(List.of(departmentOne(settings))));
        List<Object> expected = ids(readToTheEnd(settings, Map.of()).committed);
        api.faults().once("/departments/1/employees?page=2", new Fault.Status(500));

        Worker failed = readToTheEnd(settings, Map.of());

        assertThat(ids(failed.committed)).as("read again from its start, in order").isEqualTo(expected);
        assertThat(failed.stores).as("commits before the last").hasSizeGreaterThan(1);
        for (int commit = 0; commit < failed.stores.size(); commit++) {
            List<Object> seen = new ArrayList<>(ids(failed.committed.subList(0, failed.committedBy.get(commit))));
            seen.addAll(ids(readToTheEnd(settings, failed.stores.get(commit)).committed));
            // A resumed read's monthly windows start at the checkpoint's cursor value: the order within them differs.
            assertThat(seen).as("resumed after commit %s: %s", commit, failed.stores.get(commit))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** The unit of department 1's partition, as the connector plans it. */
    private static WorkUnit departmentOne(Map<String, String> settings) {
        SluiceSourceConnector connector = new SluiceSourceConnector();
        connector.initialize(new FakeConnectorContext(new FakeTaskContext()));
        Map<String, String> connectorSettings = new HashMap<>(settings);
        connectorSettings.remove(WorkUnit.TASK_UNITS);
        connectorSettings.put(SluiceConnectorConfig.PARTITIONS_REFRESH_MS, "-1");
        connector.start(connectorSettings);
        try {
            return connector.taskConfigs(1).stream()
                    .flatMap(config -> WorkUnit.decode(config.get(WorkUnit.TASK_UNITS)).stream())
                    .filter(unit -> unit.stream().equals("department_employees") && unit.partition() != null
                            && unit.partition().key().contains("\"department_id\":1,"))
                    .findFirst().orElseThrow();
        } finally {
            connector.stop();
        }
    }

    private Config config() {
        return new Config(Json.object().put("base_url", api.baseUri().toString()).put("page_size", 30));
    }

    @Test
    void aTransactionThatOutlivesItsTimeoutIsAbortedAndTheSecondTimeTheTaskFails() throws Exception {
        // A page every 400 ms: a checkpoint comes only with the next page, later than the 100 ms allowed.
        api = DemoApi.start(DemoApiOptions.defaults().withLatency(Duration.ofMillis(400)));
        Worker worker = new Worker();
        SluiceSourceTask task = new SluiceSourceTask();
        task.initialize(context(worker));
        Map<String, String> settings = settings(DemoManifest.departments());
        settings.put(SluiceConnectorConfig.TRANSACTION_TIMEOUT_MS, "100");
        task.start(settings);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        assertThatThrownBy(() -> {
            while (System.nanoTime() < deadline) {
                worker.send(task.poll());
            }
        }).isInstanceOf(ConnectException.class).hasMessageContaining("twice in a row")
                .hasMessageContaining(SluiceConnectorConfig.TRANSACTION_TIMEOUT_MS);
        task.stop();
        // The last abort is left to the failing task's producer, which Connect closes without committing.
        assertThat(worker.aborts).as("an expired transaction was aborted, not committed").isPositive();
        assertThat(ids(worker.committed)).as("what a checkpoint committed in time, once").doesNotHaveDuplicates();
        assertThat(api.requests().forPath(ENGINEERING).size()).as("the unit was read again from its start")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void exactlyOnceIsClaimedForConnectorDefinedBoundariesOnly() {
        SluiceSourceConnector connector = new SluiceSourceConnector();
        assertThat(connector.exactlyOnceSupport(Map.of("transaction.boundary", "connector")))
                .isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.canDefineTransactionBoundaries(Map.of("transaction.boundary", "connector")))
                .isEqualTo(ConnectorTransactionBoundaries.SUPPORTED);
        for (Map<String, String> props : List.of(Map.<String, String>of(), Map.of("transaction.boundary", "poll"),
                Map.of("transaction.boundary", "interval"))) {
            assertThat(connector.exactlyOnceSupport(props)).as("%s", props).isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
            assertThat(connector.canDefineTransactionBoundaries(props)).as("%s", props)
                    .isEqualTo(ConnectorTransactionBoundaries.UNSUPPORTED);
        }
    }
}

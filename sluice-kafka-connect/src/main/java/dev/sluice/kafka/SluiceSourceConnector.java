package dev.sluice.kafka;

import dev.sluice.http.ExchangeObserver;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.RunTraffic;
import dev.sluice.http.SourceBudget;
import dev.sluice.loader.SourceLoader;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamPartitioning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Sluice source (manifest or class) as a Kafka Connect source connector. Work is split into units — whole
 * streams, the partitions of partitioned streams, the date ranges of split histories ({@link WorkUnit},
 * {@link WorkPlanner}) — spread in turn over at most {@code tasks.max} tasks; see {@link SluiceSourceTask}.
 *
 * <p>The partitions of partitioned streams are listed at start and again every
 * {@code sluice.partitions.refresh.interval.ms} on a background thread; when they changed, the connector asks Connect
 * to reconfigure its tasks. Units keep their source partitions across reconfigurations, so every unit resumes from
 * its committed offset on whichever task gets it.
 *
 * <p>Exactly once is claimed only with {@code transaction.boundary=connector}: the tasks then end each transaction at
 * an Airbyte checkpoint. With {@code poll} or {@code interval} boundaries the worker would commit records read past
 * a unit's last checkpoint together with that checkpoint's offset, and a restart would write them again.
 *
 * <pre>{@code
 * connector.class=dev.sluice.kafka.SluiceSourceConnector
 * tasks.max=2
 * sluice.manifest=/etc/connectors/acme/manifest.yaml
 * sluice.source.config={"api_key": "...", "start_date": "2024-01-01T00:00:00Z"}
 * sluice.topic.prefix=acme.
 * }</pre>
 */
public final class SluiceSourceConnector extends SourceConnector {

    static final String VERSION = "0.1.0";
    private static final Logger log = LoggerFactory.getLogger(SluiceSourceConnector.class);

    private Map<String, String> settings = Map.of();
    private List<Stream> selected = List.of();
    private final Map<String, List<WorkUnit>> units = new LinkedHashMap<>();
    /** Partitioned streams whose last listing sent no HTTP request: each task can list them itself for free. */
    private final Set<String> freeListing = new HashSet<>();
    /** The HTTP requests the connector's run sent: a listing that adds none was free. */
    private final RequestCounter requests = new RequestCounter();
    private @Nullable Thread watcher;
    private @Nullable RunContext run;
    /** Masks every text the connector logs or reports; the watcher's thread reads it. */
    private volatile @Nullable RunMasker masker;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        settings = new HashMap<>(props);
        SluiceConnectorConfig config = new SluiceConnectorConfig(props);
        RunContext previous = run;
        if (previous != null) {
            previous.close();
        }
        // One run for as long as the connector lists partitions (its watcher reads the source in it).
        RunContext current = RunContext.named("connector-" + props.getOrDefault("name", "unnamed"));
        // While it lists partitions the connector reads the API too: it keeps one share of the limit, as large as
        // the smallest a task can get, so that the tasks' shares and its own stay within the limit.
        RateShare share = RateShare.oneOf(tasksMax(props) + 1);
        current.preset(RunTraffic.SERVICE, new RunTraffic(share.limiter(config), requests));
        current.preset(SourceBudget.SERVICE, SourceBudget.sharing(share.fraction()));
        run = current;
        masker = new RunMasker(current);
        selected = select(config, current);
        WorkPlanner planner = new WorkPlanner(context().offsetStorageReader(), tasksMax(props), config.splitRanges());
        synchronized (this) {
            units.clear();
            freeListing.clear();
            for (Stream stream : selected) {
                long before = requests.count();
                List<WorkUnit> planned = initialUnits(planner, stream);
                units.put(stream.name(), planned);
                noteListing(stream, !planned.isEmpty() && requests.count() == before);
            }
        }
        long refresh = config.partitionsRefreshMillis();
        if (refresh >= 0 && selected.stream().anyMatch(stream -> stream.partitioning().isPresent())) {
            Thread thread = new Thread(() -> watch(refresh), "sluice-partitions-" + props.get("name"));
            thread.setDaemon(true);
            thread.start();
            watcher = thread;
        }
    }

    private List<Stream> select(SluiceConnectorConfig config, RunContext run) {
        List<Stream> streams;
        RunMasker masking = new RunMasker(run);
        try {
            Source source = new SourceLoader(SluiceConnectorConfig.class.getClassLoader()).load(config.source());
            masking = masking.withSecretsOf(source, config.sourceConfig());
            masker = masking;
            streams = source.streams(config.sourceConfig(), run);
        } catch (ConnectorException e) {
            throw masking.connectException("Cannot load the source", e);
        }
        Set<String> wanted = new TreeSet<>(config.streams());
        List<Stream> result = new ArrayList<>();
        for (Stream stream : streams) {
            if (wanted.isEmpty() || wanted.remove(stream.name())) {
                // A stream of a stream group is one unit, read in the task that reads its whole group.
                result.add(WholeStream.of(stream));
            }
        }
        if (!wanted.isEmpty()) {
            throw new ConnectException("Unknown streams in " + SluiceConnectorConfig.STREAMS + ": " + wanted);
        }
        return List.copyOf(result);
    }

    /** A transient failure listing partitions leaves the stream without units until the watcher lists them. */
    private List<WorkUnit> initialUnits(WorkPlanner planner, Stream stream) {
        try {
            return planner.unitsOf(stream);
        } catch (ConnectorException e) {
            if (e.failureType() == FailureType.TRANSIENT_ERROR && stream.partitioning().isPresent()) {
                log.warn("Cannot list the partitions of stream {} now ({}); trying again later", stream.name(),
                        masking().mask(String.valueOf(e.getMessage())));
                return List.of();
            }
            throw masking().connectException("Cannot plan stream " + stream.name(), e);
        }
    }

    private RunMasker masking() {
        return Objects.requireNonNull(masker, "the connector is not started");
    }

    private static int tasksMax(Map<String, String> props) {
        try {
            return Math.max(1, Integer.parseInt(props.getOrDefault("tasks.max", "1").strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void watch(long intervalMillis) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(intervalMillis);
                refreshPartitions();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The watcher's thread is a boundary: an unexpected failure fails the connector instead of vanishing.
            context().raiseError(masking().connectException("Listing the partitions failed", e));
        }
    }

    /**
     * Lists the partitions of the partitioned streams again; when their keys changed, asks Connect to reconfigure
     * the tasks. A stream whose listing fails keeps its units until the next time. Returns whether they changed.
     */
    boolean refreshPartitions() {
        boolean changed = false;
        for (Stream stream : selected) {
            Optional<StreamPartitioning> partitioning = stream.partitioning();
            if (partitioning.isEmpty()) {
                continue;
            }
            List<WorkUnit> now;
            long before = requests.count();
            try {
                now = WorkPlanner.partitionUnits(stream.name(), partitioning.get());
            } catch (ConnectorException e) {
                log.warn("Cannot list the partitions of stream {} ({}); keeping the current ones", stream.name(),
                        masking().mask(String.valueOf(e.getMessage())));
                continue;
            }
            synchronized (this) {
                noteListing(stream, requests.count() == before);
                if (!keys(now).equals(keys(units.get(stream.name())))) {
                    log.info("The partitions of stream {} changed: {} now", stream.name(), now.size());
                    units.put(stream.name(), now);
                    changed = true;
                }
            }
        }
        if (changed) {
            context().requestTaskReconfiguration();
        }
        return changed;
    }

    /** Remembers whether listing a partitioned stream's partitions was free; called holding the lock. */
    private void noteListing(Stream stream, boolean free) {
        if (stream.partitioning().isPresent() && free) {
            freeListing.add(stream.name());
        } else {
            freeListing.remove(stream.name());
        }
    }

    private static List<Map<String, String>> keys(List<WorkUnit> units) {
        return units.stream().map(WorkUnit::sourcePartition).toList();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SluiceSourceTask.class;
    }

    /**
     * One config per task: its units or slices ({@link TaskAssignments}, small whatever the number of partitions) and
     * its share of {@code sluice.rate.limit} ({@link RateShare}). Connect calls this again on every reconfiguration,
     * so the limit is divided anew whenever the number of tasks changes.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<TaskAssignments.StreamUnits> streams = new ArrayList<>();
        boolean lists = false;
        synchronized (this) {
            for (Stream stream : selected) {
                boolean partitioned = stream.partitioning().isPresent();
                lists |= partitioned;
                streams.add(new TaskAssignments.StreamUnits(stream.name(), units.getOrDefault(stream.name(), List.of()),
                        partitioned, freeListing.contains(stream.name()), stream.exclusiveGroups()));
            }
        }
        List<TaskAssignments.Assignment> assignments = TaskAssignments.assign(streams, maxTasks);
        // The connector lists partitions while the tasks run: it keeps a share of its own (see start).
        RateShare share = RateShare.oneOf(assignments.size() + (lists ? 1 : 0));
        List<Map<String, String>> configs = new ArrayList<>();
        for (TaskAssignments.Assignment assignment : assignments) {
            Map<String, String> task = new HashMap<>(settings);
            task.putAll(assignment.settings());
            task.put(RateShare.TASK_SHARE, share.encode());
            configs.add(task);
        }
        return configs;
    }

    /** Counts the requests of the connector's run. */
    private static final class RequestCounter implements ExchangeObserver {
        private final AtomicLong sent = new AtomicLong();

        @Override
        public void onRequest(HttpRequest request) {
            sent.incrementAndGet();
        }

        long count() {
            return sent.get();
        }
    }

    @Override
    public void stop() {
        Thread thread = watcher;
        watcher = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RunContext current = run;
        run = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> props) {
        return checkpointBoundaries(props) ? ExactlyOnceSupport.SUPPORTED : ExactlyOnceSupport.UNSUPPORTED;
    }

    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> props) {
        return checkpointBoundaries(props) ? ConnectorTransactionBoundaries.SUPPORTED
                : ConnectorTransactionBoundaries.UNSUPPORTED;
    }

    /** Whether the connector's transactions end where the tasks say: at checkpoints. */
    private static boolean checkpointBoundaries(Map<String, String> props) {
        String boundary = props.get(SourceTask.TRANSACTION_BOUNDARY_CONFIG);
        return boundary != null && SourceTask.TransactionBoundary.CONNECTOR.toString().equalsIgnoreCase(boundary.strip());
    }

    @Override
    public ConfigDef config() {
        return SluiceConnectorConfig.DEFINITION;
    }
}

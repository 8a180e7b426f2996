package dev.sluice.kafka;

import dev.sluice.http.ExchangeObserver;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.source.RunContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.jspecify.annotations.Nullable;

/**
 * A task's metrics, one set per stream (not per unit: a stream of 50,000 partitions is still one set), registered in
 * the task's plugin metrics group (KIP-877), which Connect shows over JMX as
 * {@code kafka.connect:type=plugins,connector=<name>,task=<n>,stream=<stream>}:
 * <ul>
 *   <li>{@value #RECORDS}: records read from the source;
 *   <li>{@value #PAGES}: successful HTTP responses (pages, and the few token or login requests);
 *   <li>{@value #REQUESTS}: HTTP attempts sent, retries included;
 *   <li>{@value #RETRIES}: attempts that were retried (a 429, a 5xx, a dropped connection);
 *   <li>{@value #CHECKPOINT_AGE}: milliseconds since the stream's last Airbyte checkpoint was read, -1 before the
 *       first.
 * </ul>
 * The task's reader says which unit it reads ({@link #reading}); it reads one at a time, so every request until the
 * next unit — the stream's pages, a parent stream's, a token refresh — counts for that unit's stream. Thread-safe.
 */
final class StreamMetrics implements ExchangeObserver {

    static final String RECORDS = "records-read-total";
    static final String PAGES = "pages-total";
    static final String REQUESTS = "requests-total";
    static final String RETRIES = "retries-total";
    static final String CHECKPOINT_AGE = "last-checkpoint-age-ms";

    /** A run's metrics; a run that registered none (a test's reader) counts into an unregistered set. */
    static final RunContext.Service<StreamMetrics> SERVICE = RunContext.Service.of("stream metrics",
            StreamMetrics.class, run -> new StreamMetrics(Clock.systemUTC()));

    private final Clock clock;
    private final Map<String, Counters> streams = new ConcurrentHashMap<>();
    private volatile @Nullable Counters current;

    StreamMetrics(Clock clock) {
        this.clock = clock;
    }

    /** The counts of one stream. */
    private static final class Counters {
        final LongAdder records = new LongAdder();
        final LongAdder pages = new LongAdder();
        final LongAdder requests = new LongAdder();
        final LongAdder retries = new LongAdder();
        final AtomicLong lastCheckpoint = new AtomicLong(-1);
    }

    /** Registers the metrics of each stream in {@code metrics}. */
    void register(PluginMetrics metrics, Collection<String> names) {
        for (String stream : names) {
            Counters counters = counters(stream);
            LinkedHashMap<String, String> tags = new LinkedHashMap<>();
            tags.put("stream", stream);
            add(metrics, tags, RECORDS, "Records read from the source", counters.records::sum);
            add(metrics, tags, PAGES, "Successful HTTP responses: pages, and token or login requests",
                    counters.pages::sum);
            add(metrics, tags, REQUESTS, "HTTP attempts sent, retries included", counters.requests::sum);
            add(metrics, tags, RETRIES, "HTTP attempts that were retried", counters.retries::sum);
            add(metrics, tags, CHECKPOINT_AGE, "Milliseconds since the last Airbyte checkpoint was read, -1 before one",
                    () -> checkpointAge(counters));
        }
    }

    private static void add(PluginMetrics metrics, LinkedHashMap<String, String> tags, String name, String description,
            LongSupplier value) {
        MetricName metric = metrics.metricName(name, description, tags);
        Gauge<Long> gauge = (config, now) -> value.getAsLong();
        try {
            metrics.addMetric(metric, gauge);
        } catch (IllegalArgumentException registered) {
            // Connect gives every task a group of its own; a group shared anyway (tests) shows the newest task.
            metrics.removeMetric(metric);
            metrics.addMetric(metric, gauge);
        }
    }

    private long checkpointAge(Counters counters) {
        long last = counters.lastCheckpoint.get();
        return last < 0 ? -1 : Math.max(0, clock.millis() - last);
    }

    private Counters counters(String stream) {
        return streams.computeIfAbsent(stream, name -> new Counters());
    }

    /** From now on, requests count for {@code stream}. */
    void reading(String stream) {
        current = counters(stream);
    }

    void recordRead(String stream) {
        counters(stream).records.increment();
    }

    void checkpointed(String stream) {
        counters(stream).lastCheckpoint.set(clock.millis());
    }

    @Override
    public void onRequest(HttpRequest request) {
        Counters counters = current;
        if (counters != null) {
            counters.requests.increment();
        }
    }

    @Override
    public void onResponse(HttpRequest request, HttpResponse response) {
        Counters counters = current;
        if (counters != null && response.status() >= 200 && response.status() < 300) {
            counters.pages.increment();
        }
    }

    @Override
    public void onRetry(HttpRequest request, Duration wait) {
        Counters counters = current;
        if (counters != null) {
            counters.retries.increment();
        }
    }
}

package dev.sluice.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** A task context whose offset store is a map: what a test committed is what the task reads. */
final class FakeTaskContext implements SourceTaskContext {

    final Map<Map<String, ?>, Map<String, Object>> offsets = new HashMap<>();

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    /** The task's metrics group, readable by the test. */
    final Metrics registry = new Metrics();
    final PluginMetricsImpl metrics = new PluginMetricsImpl(registry, Map.of());

    @Override
    public PluginMetrics pluginMetrics() {
        return metrics;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return offsets.get(partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
                partitions.forEach(partition -> found.put(partition, offsets.get(partition)));
                return found;
            }
        };
    }
}

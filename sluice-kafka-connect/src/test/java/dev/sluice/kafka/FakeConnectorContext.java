package dev.sluice.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** A connector context that counts reconfiguration requests and reads the offsets a task context holds. */
final class FakeConnectorContext implements SourceConnectorContext {

    private final FakeTaskContext tasks;
    int reconfigurations;
    final List<Exception> errors = new ArrayList<>();

    FakeConnectorContext(FakeTaskContext tasks) {
        this.tasks = tasks;
    }

    @Override
    public void requestTaskReconfiguration() {
        reconfigurations++;
    }

    @Override
    public void raiseError(Exception e) {
        errors.add(e);
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("no metrics in tests");
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return tasks.offsetStorageReader();
    }
}

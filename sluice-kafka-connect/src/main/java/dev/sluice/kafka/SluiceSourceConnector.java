package dev.sluice.kafka;

import dev.sluice.source.ConnectorException;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.util.ConnectorUtils;

/**
 * A Sluice source (manifest or class) as a Kafka Connect source connector. The selected streams are the units
 * of work, spread evenly over at most {@code tasks.max} tasks; see {@link SluiceSourceTask}.
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

    private Map<String, String> settings = Map.of();
    private List<WorkUnit> units = List.of();

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        settings = new HashMap<>(props);
        SluiceConnectorConfig config = new SluiceConnectorConfig(props);
        List<Stream> streams;
        try {
            Source source = Sources.load(config);
            streams = source.streams(config.sourceConfig());
        } catch (ConnectorException e) {
            throw new ConnectException("Cannot load the source: " + e.getMessage(), e);
        }
        Set<String> wanted = new TreeSet<>(config.streams());
        List<WorkUnit> selected = new ArrayList<>();
        for (Stream stream : streams) {
            if (wanted.isEmpty() || wanted.remove(stream.name())) {
                selected.add(new WorkUnit(stream.name()));
            }
        }
        if (!wanted.isEmpty()) {
            throw new ConnectException("Unknown streams in " + SluiceConnectorConfig.STREAMS + ": " + wanted);
        }
        units = List.copyOf(selected);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SluiceSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        if (units.isEmpty()) {
            return List.of();
        }
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<WorkUnit> group : ConnectorUtils.groupPartitions(units, Math.min(maxTasks, units.size()))) {
            Map<String, String> task = new HashMap<>(settings);
            task.put(WorkUnit.TASK_UNITS, WorkUnit.encode(group));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return SluiceConnectorConfig.DEFINITION;
    }
}

package dev.sluice.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.jspecify.annotations.Nullable;

/**
 * The connector's settings, declared once. Exactly one of {@code sluice.manifest} (inline YAML, or the path of a
 * YAML file) and {@code sluice.source.class} names the source; {@code sluice.source.config} is the source's JSON
 * config (a password field, so Connect masks it).
 */
public final class SluiceConnectorConfig extends AbstractConfig {

    public static final String MANIFEST = "sluice.manifest";
    public static final String SOURCE_CLASS = "sluice.source.class";
    public static final String SOURCE_CONFIG = "sluice.source.config";
    public static final String STREAMS = "sluice.streams";
    public static final String TOPIC_PREFIX = "sluice.topic.prefix";
    public static final String TOPIC_PATTERN = "sluice.topic.pattern";
    public static final String VALUE_SCHEMAS = "sluice.value.schemas.enable";
    public static final String SYNC_INTERVAL_MS = "sluice.sync.interval.ms";
    public static final String PARTITIONS_REFRESH_MS = "sluice.partitions.refresh.interval.ms";
    public static final String SPLIT_RANGES = "sluice.split.ranges.enable";
    public static final String QUEUE_CAPACITY = "sluice.queue.capacity";
    public static final String POLL_BATCH = "sluice.poll.batch.size";
    public static final String RATE_LIMIT = "sluice.rate.limit";
    public static final String RATE_LIMIT_BURST = "sluice.rate.limit.burst";
    public static final String TRANSACTION_TIMEOUT_MS = "sluice.transaction.timeout.ms";

    static final ConfigDef DEFINITION = new ConfigDef()
            .define(MANIFEST, Type.STRING, null, Importance.HIGH,
                    "A declarative manifest: inline YAML, or the path of a YAML file on every worker.")
            .define(SOURCE_CLASS, Type.STRING, null, Importance.HIGH,
                    "A code-first dev.sluice.source.Source class on the plugin's class path.")
            .define(SOURCE_CONFIG, Type.PASSWORD, new Password("{}"), Importance.HIGH,
                    "The source's config as a JSON object (what --config gives the CLI).")
            .define(STREAMS, Type.LIST, List.of(), Importance.MEDIUM,
                    "Streams to read; empty reads all.")
            .define(TOPIC_PREFIX, Type.STRING, "", Importance.MEDIUM, "Prefix of the topic names.")
            .define(TOPIC_PATTERN, Type.STRING, "${prefix}${stream}", new TopicPatternValidator(), Importance.MEDIUM,
                    "Topic of each stream; ${prefix} and ${stream} are replaced.")
            .define(VALUE_SCHEMAS, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Give record values a Connect schema derived from the stream's JSON schema (Structs); "
                            + "otherwise values are schemaless maps.")
            .define(SYNC_INTERVAL_MS, Type.LONG, 300_000L, ConfigDef.Range.atLeast(-1), Importance.MEDIUM,
                    "After an incremental stream is read to the end, read it again after this long; -1 reads once.")
            .define(PARTITIONS_REFRESH_MS, Type.LONG, 300_000L, ConfigDef.Range.atLeast(-1), Importance.MEDIUM,
                    "How often the partitions of partitioned streams are listed again (reading their parent "
                            + "streams); when they changed, the tasks are reconfigured. -1 lists them only at start.")
            .define(SPLIT_RANGES, Type.BOOLEAN, true, Importance.MEDIUM,
                    "On its first sync, split the history of an incremental stream that can be read by date range "
                            + "into one range per task (tasks.max), read in parallel; the newest keeps syncing.")
            .define(QUEUE_CAPACITY, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Records buffered per task between the source and poll().")
            .define(POLL_BATCH, Type.INT, 2_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "The most records one poll() returns.")
            .define(RATE_LIMIT, Type.DOUBLE, 0.0, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "The most HTTP requests a second the whole connector sends (every task, stream, partition, "
                            + "retry and token request counts); divided equally over the tasks, and re-divided when "
                            + "their number changes. 0 sets no limit.")
            .define(RATE_LIMIT_BURST, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "The most requests the whole connector sends at once after a quiet spell, divided over the "
                            + "tasks like the limit (each task at least one); any window of t seconds holds at most "
                            + "burst + limit * t requests.")
            .define(TRANSACTION_TIMEOUT_MS, Type.LONG, 50_000L, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Exactly once (transaction.boundary=connector): the longest a transaction may wait for its "
                            + "unit's next checkpoint. Keep it below the producer's transaction.timeout.ms (60 s "
                            + "unless producer.override.transaction.timeout.ms raises it). An older transaction is "
                            + "aborted and its unit read again from its last checkpoint; the second time in a row "
                            + "the task fails.");

    private final Config sourceConfig;
    /** Read on every pass of poll(): kept rather than looked up in the settings each time. */
    private final int pollBatch;

    public SluiceConnectorConfig(Map<String, String> settings) {
        super(DEFINITION, settings);
        boolean manifest = getString(MANIFEST) != null && !getString(MANIFEST).isBlank();
        boolean sourceClass = getString(SOURCE_CLASS) != null && !getString(SOURCE_CLASS).isBlank();
        if (manifest == sourceClass) {
            throw new ConfigException("Give exactly one of " + MANIFEST + " and " + SOURCE_CLASS);
        }
        this.sourceConfig = parseSourceConfig();
        this.pollBatch = getInt(POLL_BATCH);
    }

    public @Nullable String manifest() {
        return getString(MANIFEST);
    }

    public @Nullable String sourceClass() {
        return getString(SOURCE_CLASS);
    }

    /** The source these settings name: a manifest file when the manifest setting is the path of one, else inline YAML. */
    public SourceLocation source() {
        String manifest = manifest();
        if (manifest == null || manifest.isBlank()) {
            return SourceLocation.className(Objects.requireNonNull(sourceClass(), SOURCE_CLASS).strip());
        }
        Path file = asFile(manifest);
        return file != null ? SourceLocation.manifestFile(file) : SourceLocation.manifestYaml(manifest);
    }

    private static @Nullable Path asFile(String manifest) {
        if (manifest.contains("\n")) {
            return null;
        }
        try {
            Path path = Path.of(manifest.strip());
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException notAPath) {
            return null;
        }
    }

    /** The source config, parsed when the settings were read. */
    public Config sourceConfig() {
        return sourceConfig;
    }

    /** Invalid JSON is a Connect config error naming the setting (its value is not shown). */
    private Config parseSourceConfig() {
        String text = getPassword(SOURCE_CONFIG).value();
        try {
            JsonNode node = Json.parse(text);
            if (!node.isObject()) {
                throw new ConfigException(SOURCE_CONFIG + " must be a JSON object");
            }
            return Config.of(node);
        } catch (JsonProcessingException e) {
            throw new ConfigException(SOURCE_CONFIG + " is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    public List<String> streams() {
        return getList(STREAMS);
    }

    /** The topic of {@code stream}; a stream name Kafka would refuse is made valid ({@link TopicNames}). */
    public String topicFor(String stream) {
        return TopicNames.limited(getString(TOPIC_PATTERN).replace("${prefix}", getString(TOPIC_PREFIX))
                .replace("${stream}", TopicNames.forStream(stream)));
    }

    public boolean valueSchemas() {
        return getBoolean(VALUE_SCHEMAS);
    }

    public long syncIntervalMillis() {
        return getLong(SYNC_INTERVAL_MS);
    }

    public long partitionsRefreshMillis() {
        return getLong(PARTITIONS_REFRESH_MS);
    }

    public boolean splitRanges() {
        return getBoolean(SPLIT_RANGES);
    }

    public int queueCapacity() {
        return getInt(QUEUE_CAPACITY);
    }

    public int pollBatch() {
        return pollBatch;
    }

    /** Requests a second for the whole connector; 0 for no limit. */
    public double rateLimit() {
        return getDouble(RATE_LIMIT);
    }

    public int rateLimitBurst() {
        return getInt(RATE_LIMIT_BURST);
    }

    public long transactionTimeoutMillis() {
        return getLong(TRANSACTION_TIMEOUT_MS);
    }

    /** A pattern must name the stream, or every stream would share one topic. */
    private static final class TopicPatternValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !value.toString().contains("${stream}")) {
                throw new ConfigException(name, value, "the topic pattern must contain ${stream}");
            }
        }
    }
}

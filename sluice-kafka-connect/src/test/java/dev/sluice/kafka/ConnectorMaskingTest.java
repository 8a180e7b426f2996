package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.RouterPartition;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamPartitioning;
import dev.sluice.source.StreamSink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector lists partitions in its own run, which may obtain tokens: its failures, as thrown and as raised
 * from the watcher's thread, mask the config's secrets and the run's, plain and URL-encoded.
 */
class ConnectorMaskingTest {

    private static final String API_KEY = "key/of+the=config";
    private static final String TOKEN = "token/of+the=run";

    private final SluiceSourceConnector connector = new SluiceSourceConnector();
    private final RaisedErrors context = new RaisedErrors();

    @AfterEach
    void stop() {
        connector.stop();
    }

    private void start(String mode) {
        Map<String, String> settings = new HashMap<>();
        settings.put("name", "masking-" + mode);
        settings.put(SluiceConnectorConfig.SOURCE_CLASS, LeakyPartitionsSource.class.getName());
        settings.put(SluiceConnectorConfig.SOURCE_CONFIG, Json.write(Json.object().put("api_key", API_KEY)
                .put("mode", mode)));
        settings.put(SluiceConnectorConfig.PARTITIONS_REFRESH_MS, "20");
        connector.initialize(context);
        connector.start(settings);
    }

    @Test
    void aFailedListingAtStartIsThrownMasked() {
        assertThatThrownBy(() -> start("refuse")).satisfies(failure -> {
            assertThat(failure).isInstanceOf(org.apache.kafka.connect.errors.ConnectException.class);
            assertMasked(failure);
            assertThat(failure.getCause()).as("the cause still says who must act")
                    .isInstanceOfSatisfying(ConnectorException.class, cause -> {
                        assertThat(cause.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
                        assertThat(cause.userMessage()).contains("listing refused").doesNotContain(API_KEY)
                                .doesNotContain(TOKEN).doesNotContain("of+the").doesNotContain("of%2Bthe");
                    });
        });
    }

    @Test
    void aFailureOfTheWatcherIsRaisedMasked() throws InterruptedException {
        start("fail_later");

        Exception raised = context.errors.poll(30, TimeUnit.SECONDS);

        assertThat(raised).as("the watcher's failure").isNotNull();
        assertMasked(raised);
    }

    /** The failure and its causes, as Connect logs them, show neither secret in any form. */
    private static void assertMasked(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append(t).append('\n');
        }
        assertThat(chain.toString()).contains("listing refused").contains("****");
        for (String secret : List.of(API_KEY, TOKEN)) {
            assertThat(chain.toString()).doesNotContain(secret)
                    .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8))
                    .doesNotContain("of+the").doesNotContain("of%2Bthe");
        }
    }

    /** A connector context that keeps the errors raised, from whichever thread. */
    private static final class RaisedErrors implements SourceConnectorContext {
        final BlockingQueue<Exception> errors = new LinkedBlockingQueue<>();
        private final FakeTaskContext offsets = new FakeTaskContext();

        @Override
        public void requestTaskReconfiguration() {
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
            return offsets.offsetStorageReader();
        }
    }

    /**
     * A source with one partitioned stream whose listing obtains a token and quotes it and the config's API key,
     * plain and URL-encoded, in its failures: at once ({@code refuse}), or, after a transient failure at start, with
     * an unexpected exception on the watcher's thread ({@code fail_later}).
     */
    public static final class LeakyPartitionsSource implements Source {
        @Override
        public ConnectorSpecification spec() {
            ObjectNode specification = Json.object();
            specification.putObject("properties").putObject("api_key").put("type", "string")
                    .put("airbyte_secret", true);
            return ConnectorSpecification.of(null, specification);
        }

        @Override
        public List<Stream> streams(Config config) {
            throw new UnsupportedOperationException("needs the run");
        }

        @Override
        public List<Stream> streams(Config config, RunContext run) {
            String mode = config.json().path("mode").asText();
            String apiKey = config.json().path("api_key").asText();
            AtomicInteger listings = new AtomicInteger();
            StreamPartitioning partitioning = new StreamPartitioning() {
                @Override
                public List<RouterPartition> partitions() {
                    run.secrets().add(TOKEN);
                    String leak = "listing refused: key " + apiKey + " ("
                            + URLEncoder.encode(apiKey, StandardCharsets.UTF_8) + "), token " + TOKEN + " ("
                            + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8) + ")";
                    if (mode.equals("refuse")) {
                        throw new ConnectorException(FailureType.CONFIG_ERROR, leak,
                                new IllegalStateException("cause: " + leak));
                    }
                    if (listings.incrementAndGet() == 1) {
                        throw new ConnectorException(FailureType.TRANSIENT_ERROR, leak);
                    }
                    throw new IllegalStateException(leak, new IllegalArgumentException("cause: " + leak));
                }

                @Override
                public void read(RouterPartition partition, ReadRequest request, StreamSink sink) {
                }
            };
            return List.of(new Stream() {
                @Override
                public String name() {
                    return "leaky";
                }

                @Override
                public ObjectNode jsonSchema() {
                    return Json.object().put("type", "object");
                }

                @Override
                public void read(ReadRequest request, StreamSink sink) {
                }

                @Override
                public Optional<StreamPartitioning> partitioning() {
                    return Optional.of(partitioning);
                }
            });
        }
    }
}

package dev.sluice.declarative.e2e;

import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.http.HttpTransport;
import dev.sluice.http.Sleeper;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testing.ConnectorHarness;
import dev.sluice.testing.Output;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a whole manifest ({@link ManifestSources#fromYaml}) with {@link ConnectorHarness}, on a fixed clock and a
 * sleeper that records the waits instead of sleeping. {@code {{ config.base_url }}} is the test server's URL.
 */
final class ManifestRun {

    /** Every wait the retry loop asked for, in order. */
    static final class RecordingSleeper implements Sleeper {
        private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }

        List<Duration> waits() {
            synchronized (waits) {
                return List.copyOf(waits);
            }
        }
    }

    private static final HttpTransport TRANSPORT = HttpTransport.jdk(new HttpTransport.Options(Duration.ofSeconds(5),
            Duration.ofSeconds(10), 16L * 1024 * 1024));

    final RecordingSleeper sleeper = new RecordingSleeper();
    private final ApiServer server;

    ManifestRun(ApiServer server) {
        this.server = server;
    }

    /** A full-refresh read of every stream of the manifest. */
    Output read(String manifest, String extraConfig) {
        DeclarativeSource loaded = ManifestSources.fromYaml(manifest);
        DeclarativeSource source = loaded.withContexts((config, run) -> new BuildContext(config,
                TestRuns.using(run, TRANSPORT), Components.CLOCK, sleeper, null, ConfigUpdates.NONE));
        String config = "{\"base_url\": \"" + server.url() + "\"" + (extraConfig.isEmpty() ? "" : ", " + extraConfig)
                + "}";
        return ConnectorHarness.of(source).withClock(Components.CLOCK)
                .readAll(Config.of(Components.json(config)), false, StateInput.empty());
    }

    Output read(String manifest) {
        return read(manifest, "");
    }

    /**
     * A manifest with one stream {@code items} whose remaining keys ({@code retriever}, {@code transformations})
     * are {@code body}, written as at the top level and indented here.
     */
    static String stream(String body) {
        return """
                version: 6.44.0
                check: {type: CheckStream, stream_names: [items]}
                streams:
                  - type: DeclarativeStream
                    name: items
                    primary_key: id
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}
                """ + body.indent(4);
    }
}

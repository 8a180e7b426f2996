package dev.sluice.declarative.e2e;

import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.http.HttpTransport;
import dev.sluice.runner.StateInput;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.RecordingSleeper;
import java.time.Duration;

/**
 * Runs a whole manifest ({@link ManifestSources#fromYaml}) with {@link ConnectorHarness}, on a fixed clock and a
 * sleeper that records the waits instead of sleeping. {@code {{ config.base_url }}} is the mock API's URL.
 */
final class ManifestRun {

    private static final HttpTransport TRANSPORT = HttpTransport.jdk(new HttpTransport.Options(Duration.ofSeconds(5),
            Duration.ofSeconds(10), 16L * 1024 * 1024));

    /** Every wait the retry loop asked for, in order. */
    final RecordingSleeper sleeper = new RecordingSleeper();
    private final MockApi api;

    ManifestRun(MockApi api) {
        this.api = api;
    }

    /** A full-refresh read of every stream of the manifest. */
    Output read(String manifest, String extraConfig) {
        DeclarativeSource loaded = ManifestSources.fromYaml(manifest);
        DeclarativeSource source = loaded.withContexts((config, run) -> new BuildContext(config,
                TestRuns.using(run, TRANSPORT), Components.CLOCK, sleeper, null, ConfigUpdates.NONE));
        return ConnectorHarness.of(source).withClock(Components.CLOCK)
                .readAll(api.config("{" + extraConfig + "}"), false, StateInput.empty());
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

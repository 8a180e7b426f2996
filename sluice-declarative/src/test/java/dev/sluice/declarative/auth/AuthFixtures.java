package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.manifest.ManifestBinder;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.declarative.manifest.ManifestValidator;
import dev.sluice.declarative.manifest.ResolvedManifest;
import dev.sluice.http.HttpTransport;
import dev.sluice.http.Sleeper;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.testkit.RecordingSleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Manifests, contexts and recorders shared by the authenticator tests. */
final class AuthFixtures {

    static final HttpTransport TRANSPORT = HttpTransport.jdk(new HttpTransport.Options(Duration.ofSeconds(5),
            Duration.ofSeconds(10), 1024 * 1024));

    private AuthFixtures() {
    }

    /** Records every config reported as changed. */
    static final class Updates implements ConfigUpdates {
        final List<ObjectNode> configs = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void configUpdated(ObjectNode newConfig) {
            configs.add(newConfig);
        }
    }

    static Config config(String json) {
        try {
            return Config.of(Json.MAPPER.readTree(json));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static BuildContext context(Config config, Clock clock, ConfigUpdates updates) {
        return new BuildContext(config, TestRuns.open(TRANSPORT), clock, new RecordingSleeper(), null, updates);
    }

    static BuildContext context(Config config, Clock clock) {
        return context(config, clock, ConfigUpdates.NONE);
    }

    /** An authenticator YAML text block, validated and bound as the reference's factory would see it. */
    static AuthenticatorSpec bind(String yaml) {
        ResolvedManifest manifest = ManifestPipeline.fromYaml(yaml);
        new ManifestValidator().validate(manifest, AuthenticatorSpec.class).throwIfInvalid(true);
        return ManifestBinder.bind(manifest, AuthenticatorSpec.class);
    }

    /**
     * A one-stream manifest reading {@code GET {api}/items} (records under {@code data}) with the given
     * authenticator (YAML indented for the requester) and optional response filters.
     */
    static String manifest(String authenticator, String errorHandler) {
        return manifest(authenticator, errorHandler, "");
    }

    /** The same, with a paginator (YAML indented for the retriever) when not empty. */
    static String manifest(String authenticator, String errorHandler, String paginator) {
        return """
                version: 6.0.0
                type: DeclarativeSource
                check: {type: CheckStream, stream_names: [items]}
                streams:
                  - type: DeclarativeStream
                    name: items
                    primary_key: [id]
                    schema_loader:
                      type: InlineSchemaLoader
                      schema: {type: object, properties: {id: {type: integer}}}
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "{{ config['api'] }}"
                        path: /items
                """ + indent(authenticator, "        authenticator:\n", 10)
                + (errorHandler.isEmpty() ? "" : indent(errorHandler, "        error_handler:\n", 10)) + """
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: [data]}
                """ + (paginator.isEmpty() ? "" : indent(paginator, "      paginator:\n", 8));
    }

    /** The manifest's source, built with this clock, sleeper and config-updates recorder. */
    static DeclarativeSource source(String manifest, Clock clock, Sleeper sleeper, ConfigUpdates updates) {
        DeclarativeSource loaded = ManifestSources.fromYaml(manifest);
        return new DeclarativeSource(loaded.manifest(),
                (config, run) -> new BuildContext(config, TestRuns.using(run, TRANSPORT), clock, sleeper, null, updates));
    }

    private static String indent(String yaml, String key, int spaces) {
        StringBuilder text = new StringBuilder(key);
        String pad = " ".repeat(spaces);
        yaml.strip().lines().forEach(line -> text.append(pad).append(line).append('\n'));
        return text.toString();
    }
}

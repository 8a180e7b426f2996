package dev.sluice.declarative.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.manifest.ManifestBinder;
import dev.sluice.declarative.manifest.ManifestPath;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.declarative.manifest.ManifestValidator;
import dev.sluice.declarative.manifest.ResolvedManifest;
import dev.sluice.declarative.manifest.ValidationReport;
import dev.sluice.http.Authenticator;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import dev.sluice.testkit.RecordingSleeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every authenticator configuration of the shared manifest corpus (outside {@code definitions}, i.e. as the
 * streams use them) validates, binds and builds with the connector's {@code reference_config.json}. Building
 * makes no request: tokens are fetched by the first request that needs one. The one config the reference
 * could not discover with either (no authenticator selection) is a config error naming the path.
 */
class AuthenticatorCorpusTest {

    private static final Path CORPUS = Path.of("../../shared/manifests");

    private record Found(JsonNode authenticator, ManifestPath path, String requesterUrl) {
    }

    @Test
    void everyCorpusAuthenticatorBindsAndBuilds() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/manifests is not available");
        List<Path> connectors;
        try (Stream<Path> entries = Files.list(CORPUS)) {
            connectors = entries.filter(dir -> Files.isRegularFile(dir.resolve("manifest.yaml"))).sorted().toList();
        }
        Map<String, Integer> builtByType = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Set<String> refusedLikeTheReference = new TreeSet<>();
        ManifestValidator validator = new ManifestValidator();
        for (Path connector : connectors) {
            ResolvedManifest manifest = ManifestPipeline.fromYaml(Files.readString(connector.resolve("manifest.yaml")));
            Path configFile = connector.resolve("reference_config.json");
            Config config = Files.isRegularFile(configFile) ? Config.of(Json.read(configFile)) : Config.empty();
            BuildContext context = new BuildContext(config, TestRuns.open(AuthFixtures.TRANSPORT), Clock.systemUTC(),
                    new RecordingSleeper(), null, ConfigUpdates.NONE);
            List<Found> found = new ArrayList<>();
            collect(manifest.manifest(), ManifestPath.root(), "", found);
            for (Found auth : found) {
                String where = connector.getFileName() + " " + auth.path();
                ValidationReport report = validator.validate(auth.authenticator(), AuthenticatorSpec.class, auth.path(),
                        manifest.lines());
                if (!report.isValid()) {
                    failures.add(where + ": " + report.errors().get(0).getMessage());
                    continue;
                }
                try {
                    AuthenticatorSpec spec = ManifestBinder.bind(auth.authenticator(), AuthenticatorSpec.class,
                            auth.path(), manifest.lines());
                    Authenticator built = spec.build(context, auth.requesterUrl());
                    assertThat(built).isNotNull();
                    builtByType.merge(auth.authenticator().path("type").asText(), 1, Integer::sum);
                } catch (ConfigException e) {
                    // Where the reference could not discover with this config either, a config error is right.
                    if (Files.isRegularFile(connector.resolve("reference_discover_error.txt"))) {
                        refusedLikeTheReference.add(connector.getFileName() + ": " + e.getMessage());
                    } else {
                        failures.add(where + ": " + e.getMessage());
                    }
                } catch (ConnectorException e) {
                    failures.add(where + ": " + e.getMessage());
                }
            }
        }
        System.out.println("corpus authenticators built: " + builtByType + "; config errors where the reference "
                + "failed too: " + refusedLikeTheReference);
        assertThat(failures).isEmpty();
        assertThat(refusedLikeTheReference).containsExactly("source-linkedin-ads: The config has no value at "
                + "credentials.auth_method, which selects the authenticator (one of 'oAuth2.0', 'access_token')");
        assertThat(builtByType).containsKeys("OAuthAuthenticator", "SessionTokenAuthenticator",
                "SelectiveAuthenticator", "LegacySessionTokenAuthenticator", "ApiKeyAuthenticator");
    }

    /** Every {@code authenticator} mapping of a requester, outside {@code definitions}. */
    private static void collect(JsonNode node, ManifestPath path, String requesterUrl, List<Found> found) {
        if (node.isObject()) {
            String url = node.path("url").asText("");
            String here = !url.isEmpty() ? url : node.path("url_base").asText(requesterUrl);
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (path.isRoot() && (key.equals("definitions") || key.equals("spec") || key.equals("metadata"))) {
                    continue;
                }
                if (key.equals("authenticator") && field.getValue().isObject()) {
                    found.add(new Found(field.getValue(), path.field(key), here));
                } else {
                    collect(field.getValue(), path.field(key), here, found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path.index(i), requesterUrl, found);
            }
        }
    }
}

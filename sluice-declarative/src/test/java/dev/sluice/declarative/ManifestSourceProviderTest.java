package dev.sluice.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestLoader;
import dev.sluice.loader.ManifestProvider;
import dev.sluice.loader.SourceLoader;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest kinds of the one source loader, provided by this module through {@code META-INF/services}. */
class ManifestSourceProviderTest {

    private static final String MANIFEST = """
            version: 6.60.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [items]}
            spec:
              type: Spec
              connection_specification: {type: object, properties: {base_url: {type: string}}}
            streams:
              - type: DeclarativeStream
                name: items
                primary_key: id
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /items}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {id: {type: string}}}}
            """;

    /** The extractor's type is misspelt: the error names its YAML path and line. */
    private static final String BROKEN = MANIFEST.replace("type: DpathExtractor", "type: DpathExtracter");

    private final SourceLoader loader = new SourceLoader(ManifestSourceProviderTest.class.getClassLoader());

    @TempDir
    Path dir;

    @Test
    void serviceLoaderFindsThisModulesProvider() {
        assertThat(ServiceLoader.load(ManifestProvider.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::type)).containsExactly(ManifestSourceProvider.class);
    }

    @Test
    void everyManifestKindLoadsTheSameSource() throws Exception {
        Path file = Files.writeString(dir.resolve("manifest.yaml"), MANIFEST);
        JsonNode object = ManifestLoader.fromYaml(MANIFEST).root();

        for (SourceLocation location : new SourceLocation[] {SourceLocation.manifestFile(file),
                SourceLocation.manifestYaml(MANIFEST), SourceLocation.manifestObject(object)}) {
            Source source = loader.load(location);
            assertThat(source).as("%s", location).isInstanceOf(DeclarativeSource.class);
            assertThat(source.streams(Config.empty(), TestRuns.open())).extracting(Stream::name).containsExactly("items");
        }
        assertThat(loader.spec(SourceLocation.manifestFile(file)).connectionSpecification().path("properties")
                .has("base_url")).isTrue();
    }

    @Test
    void aBrokenManifestFailsToStartWithItsYamlPathAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yaml"), BROKEN);

        for (SourceLocation location : new SourceLocation[] {SourceLocation.manifestFile(file),
                SourceLocation.manifestYaml(BROKEN)}) {
            assertThatThrownBy(() -> loader.load(location)).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
                assertThat(e.userMessage()).startsWith("Error starting the sync. This could be due to an invalid "
                        + "configuration or catalog. Please contact Support for assistance. Error: ")
                        .contains("DpathExtracter").contains("line 14");
                assertThat(e.getCause()).isInstanceOf(ManifestException.class);
            });
        }
        assertThatThrownBy(() -> loader.spec(SourceLocation.manifestFile(dir.resolve("absent.yaml"))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.userMessage())
                        .startsWith("Error starting the sync.").contains("absent.yaml"));
    }
}

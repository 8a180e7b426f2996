package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which source the settings name, and how the connector and the task fail when it cannot be loaded. */
class SourceSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theSettingsNameAClassAManifestFileOrInlineYaml() throws Exception {
        Path file = Files.writeString(dir.resolve("manifest.yaml"), DemoManifest.text());

        assertThat(source(SluiceConnectorConfig.SOURCE_CLASS, " dev.acme.Source "))
                .isEqualTo(SourceLocation.className("dev.acme.Source"));
        assertThat(source(SluiceConnectorConfig.MANIFEST, file.toString()))
                .isEqualTo(SourceLocation.manifestFile(file));
        assertThat(source(SluiceConnectorConfig.MANIFEST, "version: 6\ntype: X"))
                .isEqualTo(SourceLocation.manifestYaml("version: 6\ntype: X"));
        assertThat(source(SluiceConnectorConfig.MANIFEST, dir.resolve("absent.yaml").toString()))
                .isInstanceOf(SourceLocation.ManifestYaml.class);
    }

    @Test
    void aMissingClassStopsTheConnectorAndTheTaskWithTheLoadersConfigError() {
        Map<String, String> settings = Map.of(SluiceConnectorConfig.SOURCE_CLASS, "dev.acme.Missing",
                WorkUnit.TASK_UNITS, WorkUnit.encode(List.of(WorkUnit.whole("employees"))));

        SluiceSourceConnector connector = new SluiceSourceConnector();
        connector.initialize(new FakeConnectorContext(new FakeTaskContext()));
        assertThatThrownBy(() -> connector.start(settings)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("No class dev.acme.Missing on the class path")
                .cause().isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.failureType()).isEqualTo(FailureType.CONFIG_ERROR));

        SluiceSourceTask task = new SluiceSourceTask();
        task.initialize(new FakeTaskContext());
        assertThatThrownBy(() -> task.start(settings)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("No class dev.acme.Missing on the class path");
    }

    @Test
    void aBrokenManifestSaysWhereItIsBroken() {
        String broken = DemoManifest.text().replaceFirst("type: DeclarativeStream", "type: DeclarativeStreem");
        SluiceSourceConnector connector = new SluiceSourceConnector();
        connector.initialize(new FakeConnectorContext(new FakeTaskContext()));

        assertThatThrownBy(() -> connector.start(Map.of(SluiceConnectorConfig.MANIFEST, broken)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("DeclarativeStreem")
                .hasMessageContaining("line ")
                .cause().isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.userMessage())
                        .startsWith("Error starting the sync."));
    }

    private static SourceLocation source(String key, String value) {
        return new SluiceConnectorConfig(Map.of(key, value)).source();
    }
}

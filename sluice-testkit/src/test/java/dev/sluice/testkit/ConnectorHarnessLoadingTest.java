package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness loads a source from a {@link SourceLocation} the way the CLI does, failures included. */
class ConnectorHarnessLoadingTest {

    @Test
    void aClassNameLocationRunsThatSource() {
        ConnectorHarness harness = ConnectorHarness.of(SourceLocation.className(TwoRecords.class.getName()));

        assertThat(harness.spec().messages()).contains(TwoRecords.SPEC);
        Output out = harness.readAll(Config.empty(), false, StateInput.empty());
        assertThat(out.exitCode()).isZero();
        assertThat(out.records("numbers")).extracting(record -> record.get("n").asInt()).containsExactly(1, 2);
    }

    @Test
    void aMissingClassIsTheLoadersConfigError() {
        assertThatThrownBy(() -> ConnectorHarness.of(SourceLocation.className("dev.acme.Missing")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
                    assertThat(e.userMessage()).contains("dev.acme.Missing")
                            .contains(System.getProperty("java.class.path"));
                });
    }

    @Test
    void theClassLoaderGivenIsTheOneSearched() throws Exception {
        URL plugin = new URL("file:/plugins/acme.jar");
        // No parent: the platform's classes only, so the test's own source class is not found through it.
        try (URLClassLoader plugins = new URLClassLoader(new URL[] {plugin}, null)) {
            assertThatThrownBy(() -> ConnectorHarness.of(SourceLocation.className(TwoRecords.class.getName()),
                    plugins)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.userMessage())
                            .contains(TwoRecords.class.getName()).contains(plugin.toString()));
        }
    }

    /** A small code-first source: one stream of two records. */
    public static final class TwoRecords implements Source {
        static final ConnectorSpecification SPEC = ConnectorSpecification.of("two-records", Json.object());

        @Override
        public ConnectorSpecification spec() {
            return SPEC;
        }

        @Override
        public List<Stream> streams(Config config) {
            return List.of(new Stream() {
                @Override
                public String name() {
                    return "numbers";
                }

                @Override
                public ObjectNode jsonSchema() {
                    return Json.object().put("type", "object");
                }

                @Override
                public void read(ReadRequest request, StreamSink sink) {
                    sink.record(Json.object().put("n", 1));
                    sink.record(Json.object().put("n", 2));
                }
            });
        }
    }
}

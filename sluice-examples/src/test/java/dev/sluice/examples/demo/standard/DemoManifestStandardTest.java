package dev.sluice.examples.demo.standard;

import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.loader.SourceLocation;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConfigBuilder;
import dev.sluice.testkit.TestResource;
import dev.sluice.testkit.standard.SourceStandardTests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The standard tests on the demo connector's manifest, against the demo API on loopback. */
class DemoManifestStandardTest extends SourceStandardTests {

    @RegisterExtension
    static final TestResource<DemoApi> API = TestResource.of(() -> DemoApi.start(DemoApiOptions.defaults()));

    @Override
    protected SourceLocation source() {
        try (InputStream in = getClass().getResourceAsStream("/dev/sluice/examples/demo/demo-manifest.yaml")) {
            return SourceLocation.manifestYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Config config() {
        return ConfigBuilder.withBaseUrl(API.get().baseUri().toString()).put("page_size", 500).build();
    }
}

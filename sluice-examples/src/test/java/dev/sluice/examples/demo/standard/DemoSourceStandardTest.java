package dev.sluice.examples.demo.standard;

import dev.sluice.examples.demo.DemoSource;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.loader.SourceLocation;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConfigBuilder;
import dev.sluice.testkit.TestResource;
import dev.sluice.testkit.standard.SourceStandardTests;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The standard tests on the code-first demo connector, against the demo API on loopback. */
class DemoSourceStandardTest extends SourceStandardTests {

    @RegisterExtension
    static final TestResource<DemoApi> API = TestResource.of(() -> DemoApi.start(DemoApiOptions.defaults()));

    @Override
    protected SourceLocation source() {
        return SourceLocation.className(DemoSource.class.getName());
    }

    @Override
    protected Config config() {
        // larger pages keep the resumed reads (one per checkpoint) few
        return ConfigBuilder.withBaseUrl(API.get().baseUri().toString()).put("page_size", 500).build();
    }
}

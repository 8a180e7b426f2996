package dev.sluice.testkit;

import dev.sluice.http.HttpTransport;
import dev.sluice.source.RunContext;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link RunContext} for a test that builds or reads streams outside a command, closed when the test ends, so
 * no test leaves a run's worker pool or services behind and no two tests share a run's secrets.
 *
 * <pre>{@code
 * @RegisterExtension
 * final TestRun testRun = new TestRun();
 * private final RunContext run = testRun.context();     // usable in field initialisers
 *
 * @Test
 * void readsTheFirstStream() {
 *     List<Stream> streams = source.streams(config, run);
 *     ...
 * }
 * }</pre>
 *
 * <p>The run is opened when the extension is made, so the test instance's fields can use it. On an instance field
 * (one per test) it is closed after each test; on a {@code static} field it is closed after all tests of the
 * class. {@link #withTransport} presets the run's HTTP transport (short timeouts for a local API) before anything
 * uses it.
 */
public final class TestRun implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final RunContext context;
    private boolean classWide;

    /** A run named {@code test}. */
    public TestRun() {
        this("test");
    }

    /** A run named {@code name} (its threads and log lines carry the name). */
    public TestRun(String name) {
        this.context = RunContext.named(Objects.requireNonNull(name, "name is null"));
    }

    /** The run; closed once the test (or the class, for a static field) is done. */
    public RunContext context() {
        return context;
    }

    /** Presets the run's HTTP transport; call before anything in the run made one. */
    public TestRun withTransport(HttpTransport transport) {
        context.preset(HttpTransport.SERVICE, transport);
        return this;
    }

    /** Presets one of the run's services; call before anything in the run made one. */
    public <T> TestRun with(RunContext.Service<T> service, T value) {
        context.preset(service, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext extensionContext) {
        classWide = true;
    }

    @Override
    public void afterEach(ExtensionContext extensionContext) {
        if (!classWide) {
            context.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext extensionContext) {
        context.close();
    }
}

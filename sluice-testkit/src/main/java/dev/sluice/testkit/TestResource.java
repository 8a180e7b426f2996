package dev.sluice.testkit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Something a test needs running (the demo API, an embedded Connect cluster, a database) as a JUnit 5 extension:
 * started before each test and stopped after it when registered on an instance field, or started once for the
 * class and stopped after all its tests when registered on a {@code static} field.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestResource<DemoApi> API = TestResource.of(() -> DemoApi.start(DemoApiOptions.defaults()));
 *
 * @RegisterExtension
 * static final TestResource<EmbeddedConnectCluster> CONNECT = TestResource.of(ClusterTests::startConnect,
 *         EmbeddedConnectCluster::stop);
 * }</pre>
 *
 * <p>Extensions start in the order their fields are declared and stop in reverse, so a resource may use one
 * declared above it. A start that throws fails the test (or the class) with that exception; a stop that throws
 * fails it after the test ran.
 *
 * @param <T> the running thing
 */
public final class TestResource<T> implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    /** Starts the resource. */
    @FunctionalInterface
    public interface Starter<T> {
        T start() throws Exception;
    }

    /** Stops the resource and frees what it holds. */
    @FunctionalInterface
    public interface Stopper<T> {
        void stop(T resource) throws Exception;
    }

    private final Starter<T> starter;
    private final Stopper<T> stopper;
    private @Nullable T running;
    private boolean classWide;

    private TestResource(Starter<T> starter, Stopper<T> stopper) {
        this.starter = Objects.requireNonNull(starter, "starter is null");
        this.stopper = Objects.requireNonNull(stopper, "stopper is null");
    }

    /** A resource closed with {@link AutoCloseable#close()}. */
    public static <T extends AutoCloseable> TestResource<T> of(Starter<T> starter) {
        return new TestResource<>(starter, AutoCloseable::close);
    }

    /** A resource stopped by {@code stopper}. */
    public static <T> TestResource<T> of(Starter<T> starter, Stopper<T> stopper) {
        return new TestResource<>(starter, stopper);
    }

    /** The running resource. */
    public synchronized T get() {
        if (running == null) {
            throw new IllegalStateException("the resource is not running: register it with @RegisterExtension");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        classWide = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!classWide) {
            stop();
        }
    }

    private synchronized void start() throws Exception {
        if (running == null) {
            running = Objects.requireNonNull(starter.start(), "the starter returned null");
        }
    }

    private void stop() throws Exception {
        T stopping;
        synchronized (this) {
            stopping = running;
            running = null;
        }
        if (stopping != null) {
            stopper.stop(stopping);
        }
    }
}

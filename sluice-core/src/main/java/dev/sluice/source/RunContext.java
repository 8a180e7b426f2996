package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.SecretRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a source — one CLI command, one {@code sync}, one Kafka Connect task — and the services it owns:
 * the secrets it obtains while running, a pool of worker threads, and typed services made on first use (the HTTP
 * transport, the live config). Nothing of one run is seen by another, so two sources in one JVM keep their
 * secrets, config updates and pools apart. Whoever starts the run closes it when the run ends: the pool is shut
 * down and every service that is {@link AutoCloseable} is closed, in reverse order of creation.
 *
 * <p>Thread-safe.
 */
public final class RunContext implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunContext.class);

    private final String name;
    private final SecretRegistry secrets = new SecretRegistry();
    private final Map<Service<?>, Object> services = new LinkedHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private @Nullable ExecutorService executor;
    private boolean closed;

    private RunContext(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    /** A new run; {@code name} names its threads (e.g. the connector's name) and appears in logs. */
    public static RunContext named(String name) {
        return new RunContext(name);
    }

    public String name() {
        return name;
    }

    /** The secrets this run obtained while running; mask every text it prints with them. */
    public SecretRegistry secrets() {
        return secrets;
    }

    /**
     * The run's pool of daemon threads (named after the run), created on first use and shut down when the run
     * closes. Unbounded: callers bound their own concurrency.
     */
    public synchronized ExecutorService executor() {
        requireOpen();
        if (executor == null) {
            executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "sluice-" + name + "-worker-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }

    /** The run's instance of {@code key}'s service, made by its factory on first use. */
    public <T> T service(Service<T> key) {
        synchronized (this) {
            requireOpen();
            Object existing = services.get(key);
            if (existing != null) {
                return key.type().cast(existing);
            }
        }
        // Made outside the lock: a factory may itself ask for other services.
        T made = requireNonNull(key.factory().apply(this), () -> "the factory of " + key + " returned null");
        synchronized (this) {
            Object raced = services.get(key);
            if (raced != null) {
                closeQuietly(made);
                return key.type().cast(raced);
            }
            if (closed) {
                closeQuietly(made);
                requireOpen();
            }
            services.put(key, made);
            return made;
        }
    }

    /**
     * Uses {@code value} as this run's {@code key} service instead of making one (tests: an HTTP transport with
     * short timeouts). Only before the service was first used, or again with the same value.
     */
    public synchronized <T> RunContext preset(Service<T> key, T value) {
        requireOpen();
        Object existing = services.get(key);
        if (existing == value) {
            return this;
        }
        if (existing != null) {
            throw new IllegalStateException(key + " is already in use in run " + name);
        }
        services.put(key, key.type().cast(requireNonNull(value, "value is null")));
        return this;
    }

    /** Shuts the pool down and closes the services; idempotent. The secrets stay readable for final messages. */
    @Override
    public void close() {
        List<Object> made;
        ExecutorService pool;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            made = new ArrayList<>(services.values());
            services.clear();
            pool = executor;
            executor = null;
        }
        if (pool != null) {
            pool.shutdownNow();
        }
        Collections.reverse(made);
        made.forEach(RunContext::closeQuietly);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void requireOpen() {
        if (closed) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "The run " + name + " has ended");
        }
    }

    private static void closeQuietly(Object service) {
        if (service instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Closing {} failed: {}", service.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "RunContext[" + name + "]";
    }

    /**
     * The key of a service a run makes once and owns: its type and how to make it. Keys compare by identity, so
     * declare each as a constant beside the service's type ({@code HttpTransport.SERVICE}).
     */
    public static final class Service<T> {
        private final String name;
        private final Class<T> type;
        private final Function<RunContext, T> factory;

        private Service(String name, Class<T> type, Function<RunContext, T> factory) {
            this.name = requireNonNull(name, "name is null");
            this.type = requireNonNull(type, "type is null");
            this.factory = requireNonNull(factory, "factory is null");
        }

        public static <T> Service<T> of(String name, Class<T> type, Function<RunContext, T> factory) {
            return new Service<>(name, type, factory);
        }

        public String name() {
            return name;
        }

        Class<T> type() {
            return type;
        }

        Function<RunContext, T> factory() {
            return factory;
        }

        @Override
        public String toString() {
            return "service " + name;
        }
    }
}

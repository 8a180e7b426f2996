package dev.sluice.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.http.HttpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunContextTest {

    /** A service that records whether it was closed. */
    static final class Tracked implements AutoCloseable {
        final List<String> closings;
        final String name;

        Tracked(List<String> closings, String name) {
            this.closings = closings;
            this.name = name;
        }

        @Override
        public void close() {
            closings.add(name);
        }
    }

    @Test
    void closingShutsTheExecutorDownAndInterruptsItsTasks() throws Exception {
        RunContext run = RunContext.named("connector-a");
        ExecutorService executor = run.executor();
        CountDownLatch started = new CountDownLatch(1);
        Future<String> threadName = executor.submit(() -> Thread.currentThread().getName());
        Future<?> blocked = executor.submit(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(threadName.get(5, TimeUnit.SECONDS)).startsWith("sluice-connector-a-worker-");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(run.executor()).isSameAs(executor);

        run.close();

        assertThat(executor.isShutdown()).isTrue();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(blocked.isDone()).isTrue();
        assertThatThrownBy(run::executor).isInstanceOf(ConnectorException.class).hasMessageContaining("connector-a");
    }

    @Test
    void servicesAreMadeOncePerRunAndClosedWithItInReverseOrder() {
        List<String> closings = new ArrayList<>();
        AtomicInteger made = new AtomicInteger();
        RunContext.Service<Tracked> first = RunContext.Service.of("first", Tracked.class, r -> {
            made.incrementAndGet();
            return new Tracked(closings, "first");
        });
        RunContext.Service<Tracked> second = RunContext.Service.of("second", Tracked.class,
                r -> new Tracked(closings, "second"));
        RunContext one = RunContext.named("one");
        RunContext other = RunContext.named("other");

        Tracked a = one.service(first);
        assertThat(one.service(first)).isSameAs(a);
        assertThat(other.service(first)).isNotSameAs(a);
        one.service(second);
        assertThat(made).hasValue(2);

        one.close();
        one.close();
        assertThat(closings).containsExactly("second", "first");
        assertThat(one.isClosed()).isTrue();
        assertThat(other.isClosed()).isFalse();
        other.close();
        assertThat(closings).containsExactly("second", "first", "first");
    }

    @Test
    void aPresetServiceIsUsedInsteadOfTheFactoryButNotAfterFirstUse() {
        try (RunContext run = RunContext.named("preset")) {
            HttpTransport shortTimeouts = HttpTransport.jdk(new HttpTransport.Options(Duration.ofSeconds(1),
                    Duration.ofSeconds(2), 1024));
            run.preset(HttpTransport.SERVICE, shortTimeouts);
            assertThat(run.service(HttpTransport.SERVICE)).isSameAs(shortTimeouts);
            assertThat(run.preset(HttpTransport.SERVICE, shortTimeouts)).isSameAs(run);
            assertThatThrownBy(() -> run.preset(HttpTransport.SERVICE,
                    HttpTransport.jdk(HttpTransport.Options.DEFAULTS))).isInstanceOf(IllegalStateException.class);
        }
        try (RunContext one = RunContext.named("one"); RunContext other = RunContext.named("other")) {
            assertThat(one.service(HttpTransport.SERVICE)).isNotSameAs(other.service(HttpTransport.SERVICE));
        }
    }

    @Test
    void eachRunHasItsOwnSecrets() {
        try (RunContext one = RunContext.named("one"); RunContext other = RunContext.named("other")) {
            one.secrets().add("token-of-one");
            assertThat(one.secrets().masker().mask("token-of-one")).isEqualTo("****");
            assertThat(other.secrets().masker().mask("token-of-one")).isEqualTo("token-of-one");
        }
    }
}

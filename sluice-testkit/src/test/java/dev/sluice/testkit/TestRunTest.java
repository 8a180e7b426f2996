package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.sluice.http.HttpTransport;
import dev.sluice.source.RunContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

class TestRunTest {

    @RegisterExtension
    final TestRun testRun = new TestRun("this-test");
    private final RunContext run = testRun.context();

    @Test
    void isOpenDuringTheTestAndNamed() {
        assertThat(run.isClosed()).isFalse();
        assertThat(run.name()).isEqualTo("this-test");
        assertThat(run.executor().isShutdown()).isFalse();
    }

    @Test
    void presetsTheTransport() {
        HttpTransport transport = HttpTransport.jdk(new HttpTransport.Options(Duration.ofSeconds(1),
                Duration.ofSeconds(2), 1024));
        TestRun withTransport = new TestRun().withTransport(transport);

        assertThat(withTransport.context().service(HttpTransport.SERVICE)).isSameAs(transport);
        withTransport.context().close();
    }

    @Test
    void closesTheRunAfterEachTestOrAfterTheClass() {
        LifecycleFixtures.RUNS.clear();
        LifecycleFixtures.OPEN_DURING_TESTS.clear();

        execute(LifecycleFixtures.PerTestRun.class);
        execute(LifecycleFixtures.PerClassRun.class);

        assertThat(LifecycleFixtures.RUNS).hasSize(3).allSatisfy(seen -> assertThat(seen.isClosed()).isTrue());
        assertThat(LifecycleFixtures.RUNS.get(0)).isNotSameAs(LifecycleFixtures.RUNS.get(1));
        assertThat(LifecycleFixtures.RUNS.get(2)).isSameAs(LifecycleFixtures.PerClassRun.RUN.context());
        assertThat(LifecycleFixtures.OPEN_DURING_TESTS).containsOnly(true).hasSize(4);
    }

    private static void execute(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build(), listener);
        assertThat(listener.getSummary().getTestsSucceededCount()).isEqualTo(2);
    }
}

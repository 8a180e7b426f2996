package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small test classes through the JUnit launcher and checks when their mock API and resources ran. */
class MockApiLifecycleTest {

    /** The URL each inner test saw and the requests its API had received by then. */
    record Seen(String url, List<String> targets) {
    }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private static TestExecutionSummary run(Class<?> testClass) {
        SEEN.clear();
        EVENTS.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build(), listener);
        return listener.getSummary();
    }

    @Test
    void anInstanceFieldStartsAServerForEachTestAndStopsItAfter() {
        TestExecutionSummary summary = run(LifecycleFixtures.PerTestApi.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2).allSatisfy(seen -> assertThat(seen.targets()).containsExactly("GET /one"));
        assertThat(SEEN).allSatisfy(seen -> assertThatThrownBy(() -> Http.get(seen.url() + "/one"))
                .isInstanceOf(UncheckedIOException.class));
    }

    @Test
    void aStaticFieldKeepsOneServerForTheClassAndStopsItAfterAll() {
        TestExecutionSummary summary = run(LifecycleFixtures.PerClassApi.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).extracting(Seen::url).containsOnly(SEEN.get(0).url());
        assertThat(SEEN).extracting(Seen::targets).containsExactly(List.of("GET /one"),
                List.of("GET /one", "GET /one"));
        assertThatThrownBy(() -> Http.get(SEEN.get(0).url() + "/one")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aTestResourceOnAnInstanceFieldRunsForEachTest() {
        TestExecutionSummary summary = run(LifecycleFixtures.PerTestResource.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(EVENTS).containsExactly("start 1", "test with 1", "stop 1", "start 2", "test with 2", "stop 2");
    }

    @Test
    void aTestResourceOnAStaticFieldRunsOnceForTheClass() {
        TestExecutionSummary summary = run(LifecycleFixtures.PerClassResource.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(EVENTS).containsExactly("start 1", "test with 1", "test with 1", "stopped by the stopper 1");
    }
}

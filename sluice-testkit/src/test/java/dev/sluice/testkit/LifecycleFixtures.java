package dev.sluice.testkit;

import dev.sluice.source.RunContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes {@link MockApiLifecycleTest} runs through the JUnit launcher; their name does not end in
 * {@code Test}, so Surefire does not run them on its own.
 */
final class LifecycleFixtures {

    private LifecycleFixtures() {
    }

    static class PerTestApi {
        @RegisterExtension
        final MockApi api = new MockApi();

        @Test
        void first() {
            Http.get(api.url("/one"));
            MockApiLifecycleTest.SEEN.add(new MockApiLifecycleTest.Seen(api.url(), api.targets()));
        }

        @Test
        void second() {
            Http.get(api.url("/one"));
            MockApiLifecycleTest.SEEN.add(new MockApiLifecycleTest.Seen(api.url(), api.targets()));
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassApi {
        @RegisterExtension
        static final MockApi API = new MockApi();

        @Test
        @Order(1)
        void first() {
            Http.get(API.url("/one"));
            MockApiLifecycleTest.SEEN.add(new MockApiLifecycleTest.Seen(API.url(), API.targets()));
        }

        @Test
        @Order(2)
        void second() {
            Http.get(API.url("/one"));
            MockApiLifecycleTest.SEEN.add(new MockApiLifecycleTest.Seen(API.url(), API.targets()));
        }
    }

    /** Counts the resources started and stopped. */
    static final class Counted implements AutoCloseable {
        final int number;

        Counted(int number) {
            this.number = number;
        }

        @Override
        public void close() {
            MockApiLifecycleTest.EVENTS.add("stop " + number);
        }
    }

    static Counted startCounted() {
        int number = (int) MockApiLifecycleTest.EVENTS.stream().filter(event -> event.startsWith("start")).count() + 1;
        MockApiLifecycleTest.EVENTS.add("start " + number);
        return new Counted(number);
    }

    static class PerTestResource {
        @RegisterExtension
        final TestResource<Counted> resource = TestResource.of(LifecycleFixtures::startCounted);

        @Test
        void first() {
            MockApiLifecycleTest.EVENTS.add("test with " + resource.get().number);
        }

        @Test
        void second() {
            MockApiLifecycleTest.EVENTS.add("test with " + resource.get().number);
        }
    }

    static class PerClassResource {
        @RegisterExtension
        static final TestResource<Counted> RESOURCE = TestResource.of(LifecycleFixtures::startCounted,
                counted -> MockApiLifecycleTest.EVENTS.add("stopped by the stopper " + counted.number));

        @Test
        void first() {
            MockApiLifecycleTest.EVENTS.add("test with " + RESOURCE.get().number);
        }

        @Test
        void second() {
            MockApiLifecycleTest.EVENTS.add("test with " + RESOURCE.get().number);
        }
    }

    /** The runs the run fixtures saw (once per class for the static one), and whether each was open in its test. */
    static final List<RunContext> RUNS = new CopyOnWriteArrayList<>();
    static final List<Boolean> OPEN_DURING_TESTS = new CopyOnWriteArrayList<>();

    static class PerTestRun {
        @RegisterExtension
        final TestRun run = new TestRun();

        @Test
        void first() {
            OPEN_DURING_TESTS.add(!run.context().isClosed());
            RUNS.add(run.context());
        }

        @Test
        void second() {
            OPEN_DURING_TESTS.add(!run.context().isClosed());
            RUNS.add(run.context());
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassRun {
        @RegisterExtension
        static final TestRun RUN = new TestRun();

        @Test
        @Order(1)
        void first() {
            OPEN_DURING_TESTS.add(!RUN.context().isClosed());
            RUNS.add(RUN.context());
        }

        @Test
        @Order(2)
        void second() {
            OPEN_DURING_TESTS.add(!RUN.context().isClosed());
        }
    }
}

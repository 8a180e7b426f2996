package dev.sluice.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** As a JUnit 5 extension the mocker verifies after each test: a test that misused the API fails, saying how. */
class HttpMockerExtensionTest {

    private static Map<String, String> run(Class<?> fixture) {
        HttpMockerFixtures.URLS.clear();
        Map<String, String> outcomes = new LinkedHashMap<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                .build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (test.isTest()) {
                            outcomes.put(test.getDisplayName().replace("()", ""), result.getThrowable()
                                    .map(Throwable::getMessage).orElse("passed"));
                        }
                    }
                });
        return outcomes;
    }

    @Test
    void anInstanceFieldVerifiesEachTestAndStopsItsServer() {
        Map<String, String> outcomes = run(HttpMockerFixtures.PerTestMocker.class);

        assertThat(outcomes).containsEntry("sendsWhatItExpects", "passed");
        assertThat(outcomes.get("sendsARequestNobodyExpected")).contains("The HTTP mock was not used as expected",
                "GET /items?page=2 matched no expected request; closest: GET /items?page=1: query parameter page: "
                        + "expected 1 but was 2");
        assertThat(outcomes.get("neverSendsWhatItExpects")).contains("POST /token body form {grant_type=["
                + "client_credentials]}: expected at least 1 call but it was never sent");
        assertThatThrownBy(() -> Client.get(HttpMockerFixtures.URLS.get(0) + "/items"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aStaticFieldKeepsOneServerAndForgetsEachTestsExpectations() {
        Map<String, String> outcomes = run(HttpMockerFixtures.PerClassMocker.class);

        assertThat(outcomes.values()).containsOnly("passed");
        assertThat(HttpMockerFixtures.URLS).hasSize(3);
        assertThat(HttpMockerFixtures.URLS.get(0)).isEqualTo(HttpMockerFixtures.URLS.get(1));
        assertThat(HttpMockerFixtures.URLS.get(2)).isEqualTo("requests before: 0");
    }
}

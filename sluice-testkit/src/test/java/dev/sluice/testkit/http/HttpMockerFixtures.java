package dev.sluice.testkit.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes {@link HttpMockerExtensionTest} runs through the JUnit launcher; their names do not end in
 * {@code Test}, so Surefire does not run them on its own.
 */
final class HttpMockerFixtures {

    static final List<String> URLS = new CopyOnWriteArrayList<>();

    private HttpMockerFixtures() {
    }

    static class PerTestMocker {
        @RegisterExtension
        final HttpMocker http = new HttpMocker();

        @Test
        void sendsWhatItExpects() {
            http.expect(ExpectedRequest.get("/items"), Reply.json("[]"));
            Client.get(http.url("/items"));
            URLS.add(http.url());
        }

        @Test
        void sendsARequestNobodyExpected() {
            http.expect(ExpectedRequest.get("/items?page=1"), Reply.json("[]"));
            Client.get(http.url("/items?page=1"));
            // the 404 is swallowed, as a source that ignores a status would: the mocker still fails the test
            Client.get(http.url("/items?page=2"));
        }

        @Test
        void neverSendsWhatItExpects() {
            http.expect(ExpectedRequest.post("/token").formBody("grant_type", "client_credentials"),
                    Reply.json("{}"));
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassMocker {
        @RegisterExtension
        static final HttpMocker HTTP = new HttpMocker();

        @Test
        @Order(1)
        void first() {
            HTTP.expect(ExpectedRequest.get("/one"), Reply.json("[]"));
            Client.get(HTTP.url("/one"));
            URLS.add(HTTP.url());
        }

        @Test
        @Order(2)
        void secondDoesNotInheritTheFirstsExpectations() {
            URLS.add(HTTP.url());
            URLS.add("requests before: " + HTTP.requests().size());
        }
    }
}

package dev.sluice.examples.demo.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh demo API and client for every test, closed afterwards; override {@link #options()} to change the API. */
abstract class DemoApiTestCase {

    protected DemoApi api;
    protected TestClient client;

    protected DemoApiOptions options() {
        return DemoApiOptions.defaults();
    }

    @BeforeEach
    void startDemoApi() {
        api = DemoApi.start(options());
        client = new TestClient(api);
    }

    @AfterEach
    void stopDemoApi() {
        client.close();
        api.close();
    }
}

package dev.sluice.examples.demo;

import dev.sluice.http.Authenticator;
import dev.sluice.http.DefaultErrorMapping;
import dev.sluice.http.HttpExecutor;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpTransport;
import dev.sluice.http.RetryPolicy;
import dev.sluice.http.Sleeper;
import dev.sluice.http.Urls;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** What the demo streams share: where the API is, its key and the page size. */
record DemoApiClient(String baseUrl, @Nullable String apiKey, int pageSize) {

    static DemoApiClient of(Config config) {
        String base = config.requireString("base_url");
        String key = config.get("api_key").map(node -> node.asText()).orElse(null);
        int pageSize = config.get("page_size").map(node -> node.asInt()).orElse(100);
        return new DemoApiClient(base.endsWith("/") ? base : base + "/", key, pageSize);
    }

    Authenticator authenticator() {
        return apiKey == null ? Authenticator.NONE : Authenticator.header("X-Api-Key", apiKey);
    }

    /** A plain GET of {@code /health} with the usual retries, over the run's transport; failures propagate. */
    void health(RunContext run) {
        HttpExecutor executor = new HttpExecutor(run.service(HttpTransport.SERVICE), DefaultErrorMapping.INSTANCE,
                RetryPolicy.DEFAULT, authenticator(), Sleeper.SYSTEM, Clock.systemUTC()).inRun(run);
        executor.send(HttpRequest.get(Urls.join(baseUrl, "employees?page_size=1")));
    }
}

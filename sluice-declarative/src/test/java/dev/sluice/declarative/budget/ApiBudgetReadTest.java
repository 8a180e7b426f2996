package dev.sluice.declarative.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.RateLimiter;
import dev.sluice.http.ExchangeObserver;
import dev.sluice.http.RunTraffic;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.runner.SourceRunner;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.Output;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A read across four concurrent partitions of an API that refuses more than {@value #API_LIMIT} calls a second:
 * with a budget at 80% of that limit it is never refused; without one it is, which shows the test can fail.
 */
class ApiBudgetReadTest {

    private static final int API_LIMIT = 25;
    private static final int PAGES = 10;

    @RegisterExtension
    final MockApi api = new MockApi();

    private static String manifest(String budget) {
        return """
                version: 6.44.0
                check: {type: CheckStream, stream_names: [items]}
                concurrency_level: {type: ConcurrencyLevel, default_concurrency: 4}
                streams:
                  - type: DeclarativeStream
                    name: items
                    primary_key: id
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "{{ config.base_url }}"
                        path: /items
                        error_handler:
                          type: DefaultErrorHandler
                          response_filters: [{type: HttpResponseFilter, http_codes: [429], action: FAIL}]
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [items]}}
                      paginator:
                        type: DefaultPaginator
                        pagination_strategy:
                          type: CursorPagination
                          cursor_value: "{{ response.next }}"
                          stop_condition: "{{ response.next is none }}"
                        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                      partition_router:
                        type: ListPartitionRouter
                        values: [a, b, c, d]
                        cursor_field: part
                        request_option: {type: RequestOption, inject_into: request_parameter, field_name: part}
                """ + budget;
    }

    private static final String BUDGET_AT_80_PERCENT = """
            api_budget:
              type: HTTPAPIBudget
              policies:
                - type: MovingWindowCallRatePolicy
                  rates: [{limit: 20, interval: PT1S}]
                  matchers: [{type: HttpRequestRegexMatcher, method: GET, url_path_pattern: "^/items$"}]
            """;

    @Test
    void aBudgetAt80PercentOfTheLimitIsNeverRefused() {
        RateLimitedApi limited = new RateLimitedApi(API_LIMIT, PAGES).serveOn(api);
        DeclarativeSource source = ManifestSources.fromYaml(manifest(BUDGET_AT_80_PERCENT));

        Output output = ConnectorHarness.of(source).readAll(api.config(), false, StateInput.empty());

        assertThat(output.errors()).isEmpty();
        assertThat(output.records("items")).hasSize(4 * PAGES);
        assertThat(limited.refused()).isZero();
        assertThat(limited.served()).isEqualTo(4 * PAGES);
        assertThat(limited.mostInFlight()).as("the partitions were read concurrently").isGreaterThan(1);
    }

    @Test
    void withoutTheBudgetTheSameReadIsRefused() {
        RateLimitedApi limited = new RateLimitedApi(API_LIMIT, PAGES).serveOn(api);
        DeclarativeSource source = ManifestSources.fromYaml(manifest(""));

        Output output = ConnectorHarness.of(source).readAll(api.config(), false, StateInput.empty());

        assertThat(limited.refused()).isPositive();
        assertThat(output.exitCode()).isEqualTo(1);
    }

    /** A Kafka Connect task presets its share of a rate limit in the run: the manifest's budget adds to it. */
    @Test
    void theBudgetCombinesWithALimiterPresetInTheRun() {
        RateLimitedApi limited = new RateLimitedApi(API_LIMIT, PAGES).serveOn(api);
        DeclarativeSource source = ManifestSources.fromYaml(manifest(BUDGET_AT_80_PERCENT));
        AtomicInteger presetAcquired = new AtomicInteger();
        RateLimiter preset = (HttpRequest request) -> presetAcquired.incrementAndGet();
        Config config = api.config();
        List<AirbyteMessage> messages = new ArrayList<>();
        boolean succeeded;
        try (RunContext run = RunContext.named("task")) {
            run.preset(RunTraffic.SERVICE, new RunTraffic(preset, ExchangeObserver.NONE));
            List<dev.sluice.source.Stream> streams = source.streams(config, run);
            succeeded = new SourceRunner(source, messages::add, Clock.systemUTC(), run)
                    .read(config, ConnectorHarness.catalogOf(streams, false), StateInput.empty());
        }
        assertThat(succeeded).isTrue();
        assertThat(presetAcquired).hasValue(4 * PAGES);
        assertThat(api.requestCount()).isEqualTo(4 * PAGES);
        assertThat(limited.refused()).as("the manifest's budget still applies").isZero();
    }
}

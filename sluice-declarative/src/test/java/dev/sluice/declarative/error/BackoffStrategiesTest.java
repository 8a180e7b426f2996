package dev.sluice.declarative.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.http.BackoffStrategy;
import dev.sluice.http.HttpResponse;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's {@code backoff_strategies/test_*.py} tables. */
class BackoffStrategiesTest {

    private static final String CONFIG = "{\"backoff\": 30, \"wait_time\": \"wait_time\", \"wait_until\": \"wait_until\","
            + " \"regex\": \"[-+]?\\\\d+\", \"min_wait\": 60}";
    /**
     * The reference test's parameters; in a manifest, a parameter named like a field ({@code regex},
     * {@code min_wait}) would become that field, so those two carry a suffix here.
     */
    private static final String PARAMETERS = "$parameters: {backoff: 20, wait_time: wait_time, wait_until: wait_until,"
            + " regex_value: '[-+]?\\d+', min_wait_value: 60}";
    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_600_000_000L), ZoneOffset.UTC);

    static BackoffStrategy strategy(String type, String fields, String config) {
        BuildContext context = Components.context(config, NOW);
        return Components.bind("{type: " + type + ", " + PARAMETERS + (fields.isEmpty() ? "" : ", " + fields) + "}",
                BackoffStrategySpec.class).build(context);
    }

    private static Double seconds(Optional<Duration> wait) {
        return wait.map(duration -> duration.toNanos() / 1e9).orElse(null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "first attempt | 1 | 10 | 10.0",
        "float | 1 | 6.7 | 6.7",
        "round float | 2 | 10.0 | 10.0",
        "from parameters | 1 | \"{{ parameters['backoff'] }}\" | 20.0",
        "from config | 1 | \"{{ config['backoff'] }}\" | 30.0",
    })
    void constant(String name, int attempt, String time, double expected) {
        BackoffStrategy strategy = strategy("ConstantBackoffStrategy", "backoff_time_in_seconds: " + time, CONFIG);

        assertThat(seconds(strategy.backoff(ErrorResponses.of(429), attempt))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + up to 2 x {1}")
    @CsvSource({"60, 15, 60, 90", "10, 30, 10, 70", "0, 5, 0, 10"})
    void constantJitterStaysInItsBounds(int time, int jitter, double low, double high) {
        BackoffStrategy strategy = strategy("ConstantBackoffStrategy", "backoff_time_in_seconds: " + time
                + ", jitter_range_in_seconds: " + jitter, "{}");
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(seconds(strategy.backoff(ErrorResponses.of(429), 1)));
        }

        assertThat(seen).allSatisfy(wait -> assertThat(wait).isBetween(low, high)).hasSizeGreaterThan(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "first attempt | 1 | 5 | 10.0",
        "second attempt | 2 | 5 | 20.0",
        "zero jitter | 2 | '5, jitter_range_in_seconds: 0' | 20.0",
        "from parameters | 1 | \"{{ parameters['backoff'] }}\" | 40.0",
        "from config | 1 | \"{{ config['backoff'] }}\" | 60.0",
    })
    void exponential(String name, int attempt, String factor, double expected) {
        BackoffStrategy strategy = strategy("ExponentialBackoffStrategy", "factor: " + factor, CONFIG);

        assertThat(seconds(strategy.backoff(ErrorResponses.of(500), attempt))).isEqualTo(expected);
    }

    @Test
    void exponentialDefaultFactorIsFive() {
        assertThat(seconds(strategy("ExponentialBackoffStrategy", "", "{}").backoff(ErrorResponses.of(500), 3)))
                .isEqualTo(40.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "header | wait_time | 60 | null | 60.0",
        "header from parameters | \"{{ parameters['wait_time'] }}\" | 60 | null | 60.0",
        "header from config | \"{{ config['wait_time'] }}\" | 60 | null | 60.0",
        "not a number | wait_time | '61,60' | null | null",
        "regex | wait_time | '61,60' | '([-+]?\\d+)' | 61.0",
        "regex without match | wait_time | ... | '[-+]?\\d+' | null",
        "absent header | absent_header | 60 | null | null",
    })
    void waitTimeFromHeader(String name, String header, String value, String regex, Double expected) {
        BackoffStrategy strategy = strategy("WaitTimeFromHeader", "header: " + header
                + (regex == null ? "" : ", regex: '" + regex + "'"), CONFIG);

        assertThat(seconds(strategy.backoff(ErrorResponses.of(429, "", "wait_time", value), 1))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "cap {0}, header {1}")
    @CsvSource(delimiter = '|', value = {
        "100 | 99 | 99.0",
        "100 | 101 | refused",
        "0 | 1 | refused",
        "0 | 0 | 0.0",
        "60 | 0 | 0.0",
        "\"{{ config['max_waiting_time'] * 60 }}\" | 120 | 120.0",
    })
    void waitTimeFromHeaderCap(String cap, String header, String expected) {
        BackoffStrategy strategy = strategy("WaitTimeFromHeader", "header: retry-header, max_waiting_time_in_seconds: "
                + cap, "{\"max_waiting_time\": 10}");
        HttpResponse response = ErrorResponses.of(429, "", "retry-header", header);

        if (expected.equals("refused")) {
            assertThatThrownBy(() -> strategy.backoff(response, 1))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
                        assertThat(e.userMessage()).isEqualTo(
                                "The rate limit wait time is longer than the connector is allowed to wait.");
                    });
        } else {
            assertThat(seconds(strategy.backoff(response, 1))).isEqualTo(Double.valueOf(expected));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing config value | {} | \"{{ config['max_waiting_time'] * 60 }}\"",
        "not a number | {\"max_waiting_time\": \"abc\"} | \"{{ config['max_waiting_time'] }}\"",
        "empty | {\"max_waiting_time\": \"\"} | \"{{ config['max_waiting_time'] }}\"",
        "null | {\"max_waiting_time\": null} | \"{{ config['max_waiting_time'] }}\"",
    })
    void aCapThatCannotBeEvaluatedFailsAtBuild(String name, String config, String cap) {
        assertThatThrownBy(() -> strategy("WaitTimeFromHeader", "header: h, max_waiting_time_in_seconds: " + cap, config))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
                    assertThat(e.getMessage()).contains("max_waiting_time_in_seconds");
                });
    }

    @Test
    void aCapReadingStreamStateIsAConfigError() {
        assertThatThrownBy(() -> strategy("WaitTimeFromHeader",
                "header: h, max_waiting_time_in_seconds: \"{{ stream_state['x'] }}\"", "{}"))
                .isInstanceOf(ConfigException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "header | wait_until | 1600000060.0 | null | null | 60.0",
        "header from parameters | \"{{parameters['wait_until']}}\" | 1600000060.0 | null | null | 60.0",
        "header from config | \"{{config['wait_until']}}\" | 1600000060.0 | null | null | 60.0",
        "in the past | wait_until | 1500000000.0 | null | null | null",
        "less than min | wait_until | 1600000060.0 | 120 | null | 120.0",
        "no header | absent_header | 1600000000.0 | null | null | null",
        "not numeric | wait_until | '1600000000,1600000000' | null | null | null",
        "numeric text | wait_until | 1600000060 | null | null | 60.0",
        "regex | wait_until | '1600000060,60' | null | '[-+]?\\d+' | 60.0",
        "regex from parameters | wait_until | '1600000060,60' | null | \"{{parameters['regex_value']}}\" | 60.0",
        "regex from config | wait_until | '1600000060,60' | null | \"{{config['regex']}}\" | 60.0",
        "regex without match | wait_time | ... | null | '[-+]?\\d+' | null",
        "no header with min | absent_header | 1600000000.0 | 60 | null | 60.0",
        "min from parameters | absent_header | 1600000000.0 | \"{{parameters['min_wait_value']}}\" | null | 60.0",
        "min from config | absent_header | 1600000000.0 | \"{{config['min_wait']}}\" | null | 60.0",
    })
    void waitUntilTimeFromHeader(String name, String header, String value, String minWait, String regex, Double expected) {
        BackoffStrategy strategy = strategy("WaitUntilTimeFromHeader", "header: " + header
                + (minWait == null ? "" : ", min_wait: " + minWait)
                + (regex == null ? "" : ", regex: " + (regex.startsWith("\"") ? regex : "'" + regex + "'")), CONFIG);

        assertThat(seconds(strategy.backoff(ErrorResponses.of(429, "", "wait_until", value), 1))).isEqualTo(expected);
    }

    @Test
    void waitUntilIsCappedAfterTheMinimum() {
        BackoffStrategy strategy = strategy("WaitUntilTimeFromHeader",
                "header: wait_until, min_wait: 120, max_waiting_time_in_seconds: 100", "{}");

        assertThatThrownBy(() -> strategy.backoff(ErrorResponses.of(429, "", "wait_until", "1600000060"), 1))
                .isInstanceOf(ConnectorException.class);
    }
}

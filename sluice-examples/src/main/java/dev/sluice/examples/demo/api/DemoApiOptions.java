package dev.sluice.examples.demo.api;

import static java.util.Objects.requireNonNull;

import dev.sluice.source.ConfigException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link DemoApi} listens and what it serves. Start from {@link #defaults()} and change what a test needs:
 * <pre>{@code DemoApi.start(DemoApiOptions.defaults().withApiKey("s3cr3t").withLatency(Duration.ofMillis(20)))}</pre>
 *
 * @param port the TCP port on 127.0.0.1; 0 picks a free one (see {@link DemoApi#port()})
 * @param latency added before every non-admin response, on top of any {@link Fault.Delay}
 * @param seed the only input of the generated data: the same seed gives the same rows
 * @param employeeCount rows of {@code /employees}
 * @param timeOffRequestCount initial rows of {@code /time_off_requests};
 *     {@link DemoApi#appendTimeOffRequests} adds more
 * @param benefitCount rows of {@code /employee_benefits}
 * @param apiKey when set, data endpoints require it in the {@code X-Api-Key} header or the {@code api_key} query
 *     parameter; {@code /health} and {@code /_admin/} stay open
 * @param maxConnections connections served at once; one more is answered 503 and closed
 * @param idleTimeout how long a kept-alive connection may sit idle (or a request take to arrive) before it is closed
 * @throws dev.sluice.source.ConfigException when a value is out of range (the CLI passes flags straight through)
 */
public record DemoApiOptions(
        int port,
        Duration latency,
        long seed,
        int employeeCount,
        int timeOffRequestCount,
        int benefitCount,
        @Nullable String apiKey,
        int maxConnections,
        Duration idleTimeout) {

    public static final int DEFAULT_EMPLOYEE_COUNT = 5_000;
    public static final int DEFAULT_TIME_OFF_REQUEST_COUNT = 1_000;
    public static final int DEFAULT_BENEFIT_COUNT = 200;
    public static final long DEFAULT_SEED = 42;

    public DemoApiOptions {
        if (port < 0 || port > 65_535) {
            throw new ConfigException("port must be between 0 and 65535: " + port);
        }
        requireNonNull(latency, "latency is null");
        requireNonNull(idleTimeout, "idleTimeout is null");
        if (latency.isNegative()) {
            throw new ConfigException("latency must not be negative: " + latency);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new ConfigException("idleTimeout must be positive: " + idleTimeout);
        }
        requirePositive(employeeCount, "employeeCount");
        requirePositive(timeOffRequestCount, "timeOffRequestCount");
        requirePositive(benefitCount, "benefitCount");
        requirePositive(maxConnections, "maxConnections");
        if (apiKey != null && apiKey.isBlank()) {
            throw new ConfigException("apiKey must not be blank; leave it unset to disable auth");
        }
    }

    /**
     * Port 0, no latency, seed 42, 5,000 employees, 1,000 time-off requests, 200 benefits, no API key, 128
     * connections at once, 30 s idle timeout.
     */
    public static DemoApiOptions defaults() {
        return new DemoApiOptions(0, Duration.ZERO, DEFAULT_SEED, DEFAULT_EMPLOYEE_COUNT,
                DEFAULT_TIME_OFF_REQUEST_COUNT, DEFAULT_BENEFIT_COUNT, null, 128, Duration.ofSeconds(30));
    }

    public DemoApiOptions withPort(int newPort) {
        return new DemoApiOptions(newPort, latency, seed, employeeCount, timeOffRequestCount, benefitCount, apiKey,
                maxConnections, idleTimeout);
    }

    public DemoApiOptions withLatency(Duration newLatency) {
        return new DemoApiOptions(port, newLatency, seed, employeeCount, timeOffRequestCount, benefitCount, apiKey,
                maxConnections, idleTimeout);
    }

    public DemoApiOptions withSeed(long newSeed) {
        return new DemoApiOptions(port, latency, newSeed, employeeCount, timeOffRequestCount, benefitCount, apiKey,
                maxConnections, idleTimeout);
    }

    public DemoApiOptions withEmployeeCount(int count) {
        return new DemoApiOptions(port, latency, seed, count, timeOffRequestCount, benefitCount, apiKey,
                maxConnections, idleTimeout);
    }

    public DemoApiOptions withTimeOffRequestCount(int count) {
        return new DemoApiOptions(port, latency, seed, employeeCount, count, benefitCount, apiKey,
                maxConnections, idleTimeout);
    }

    public DemoApiOptions withBenefitCount(int count) {
        return new DemoApiOptions(port, latency, seed, employeeCount, timeOffRequestCount, count, apiKey,
                maxConnections, idleTimeout);
    }

    public DemoApiOptions withApiKey(@Nullable String newApiKey) {
        return new DemoApiOptions(port, latency, seed, employeeCount, timeOffRequestCount, benefitCount, newApiKey,
                maxConnections, idleTimeout);
    }

    public DemoApiOptions withMaxConnections(int count) {
        return new DemoApiOptions(port, latency, seed, employeeCount, timeOffRequestCount, benefitCount, apiKey,
                count, idleTimeout);
    }

    public DemoApiOptions withIdleTimeout(Duration timeout) {
        return new DemoApiOptions(port, latency, seed, employeeCount, timeOffRequestCount, benefitCount, apiKey,
                maxConnections, timeout);
    }

    /** Like the record's own, except that the API key is masked: options end up in logs and test reports. */
    @Override
    public String toString() {
        return "DemoApiOptions[port=" + port + ", latency=" + latency + ", seed=" + seed
                + ", employeeCount=" + employeeCount + ", timeOffRequestCount=" + timeOffRequestCount
                + ", benefitCount=" + benefitCount + ", apiKey=" + (apiKey == null ? "none" : "****")
                + ", maxConnections=" + maxConnections + ", idleTimeout=" + idleTimeout + "]";
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new ConfigException(name + " must be at least 1: " + value);
        }
    }
}

package dev.sluice.declarative.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.http.HttpRequest;
import dev.sluice.testkit.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The windows of the call rate policies on an injected clock. Expected values from the reference's
 * unit_tests/sources/streams/test_call_rate.py (TestFixedWindowCallRatePolicy, TestMovingWindowCallRatePolicy,
 * TestUnlimitedCallRatePolicy), with time moved by the clock instead of slept.
 */
class CallRatePoliciesTest {

    private static final RequestMatchers ANY = new RequestMatchers(List.of());
    private static final HttpRequest CALL = HttpRequest.get(URI.create("https://api.example.com/items"));

    private final TestClock clock = TestClock.at("2024-01-01T00:00:00Z");

    private static MovingWindowCallRatePolicy.Rate rate(int limit, Duration interval) {
        return new MovingWindowCallRatePolicy.Rate(limit, interval);
    }

    // test_call_rate.py TestFixedWindowCallRatePolicy.test_limit_rate
    @Test
    void aFixedWindowAllowsItsLimitAndTellsHowLongUntilTheReset() {
        FixedWindowCallRatePolicy policy = new FixedWindowCallRatePolicy(ANY, Duration.ofHours(1), 100, clock);
        assertThat(policy.tryAcquire(1)).isZero();
        assertThat(policy.tryAcquire(20)).isZero();
        clock.advance(Duration.ofMinutes(10));

        assertThat(policy.tryAcquire(100 - 20 - 1 + 1)).isEqualTo(Duration.ofMinutes(50));
        assertThat(policy.tryAcquire(79)).as("what is left still fits").isZero();
        assertThat(policy.tryAcquire(1)).isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void aFixedWindowStartsAfreshAtTheReset() {
        FixedWindowCallRatePolicy policy = new FixedWindowCallRatePolicy(ANY, Duration.ofSeconds(1), 2, clock);
        assertThat(policy.tryAcquire(2)).isZero();
        assertThat(policy.tryAcquire(1)).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofMillis(1001));
        assertThat(policy.tryAcquire(2)).isZero();
        assertThat(policy.tryAcquire(1)).isEqualTo(Duration.ofMillis(999));

        clock.advance(Duration.ofSeconds(10));
        assertThat(policy.tryAcquire(1)).as("idle for many windows: the current one is fresh").isZero();
    }

    // test_call_rate.py TestFixedWindowCallRatePolicy.test_update_available_calls
    @Test
    void aFixedWindowLowersItsCallsLeftFromTheApiButNeverRaisesThem() {
        FixedWindowCallRatePolicy policy = new FixedWindowCallRatePolicy(ANY, Duration.ofHours(1), 100, clock);
        policy.update(2, null);
        assertThat(policy.tryAcquire(3)).isPositive();
        assertThat(policy.tryAcquire(1)).isZero();

        policy.update(20, null);
        assertThat(policy.tryAcquire(3)).as("an increase is ignored").isPositive();
    }

    @Test
    void aFixedWindowTakesTheResetTimeFromTheApi() {
        FixedWindowCallRatePolicy policy = new FixedWindowCallRatePolicy(ANY, Duration.ofHours(1), 100, clock);
        policy.update(0, clock.instant().plusSeconds(30));
        assertThat(policy.tryAcquire(1)).isEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(31));
        assertThat(policy.tryAcquire(100)).isZero();
    }

    // test_call_rate.py TestFixedWindowCallRatePolicy.test_limit_rate ("Weight can not exceed the call limit")
    @Test
    void aFixedWindowRefusesAMatcherHeavierThanItsLimit() {
        RequestMatchers heavy = new RequestMatchers(List.of(matcher(Map.of(), 101)));
        assertThatThrownBy(() -> new FixedWindowCallRatePolicy(heavy, Duration.ofHours(1), 100, clock))
                .hasMessageContaining("can not exceed the call limit");
    }

    // test_call_rate.py TestMovingWindowCallRatePolicy.test_limit_rate
    @Test
    void aMovingWindowWaitsForTheOldestCallToLeaveTheWindow() {
        MovingWindowCallRatePolicy policy = new MovingWindowCallRatePolicy(ANY,
                List.of(rate(10, Duration.ofMinutes(1))), clock);
        for (int call = 0; call < 10; call++) {
            assertThat(policy.tryAcquire(1)).isZero();
        }
        Duration first = policy.tryAcquire(1);
        assertThat(first).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));

        clock.advance(Duration.ofMillis(500));
        assertThat(policy.tryAcquire(1)).as("time to wait must decrease over time").isLessThan(first);
    }

    @Test
    void aMovingWindowFreesCallsOneByOneAsTheyAge() {
        MovingWindowCallRatePolicy policy = new MovingWindowCallRatePolicy(ANY,
                List.of(rate(2, Duration.ofSeconds(1))), clock);
        assertThat(policy.tryAcquire(1)).isZero();
        clock.advance(Duration.ofMillis(400));
        assertThat(policy.tryAcquire(1)).isZero();
        Duration wait = policy.tryAcquire(1);
        assertThat(wait).isBetween(Duration.ofMillis(600), Duration.ofMillis(601));

        clock.advance(wait);
        assertThat(policy.tryAcquire(1)).as("the first call left the window").isZero();
        assertThat(policy.tryAcquire(1)).as("the second has not").isPositive();
    }

    // test_call_rate.py TestMovingWindowCallRatePolicy.test_limit_rate_support_custom_weight
    @Test
    void aMovingWindowCountsWeights() {
        MovingWindowCallRatePolicy policy = new MovingWindowCallRatePolicy(ANY,
                List.of(rate(10, Duration.ofMinutes(1))), clock);
        assertThat(policy.tryAcquire(2)).isZero();
        assertThat(policy.tryAcquire(9)).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
    }

    // test_call_rate.py TestMovingWindowCallRatePolicy.test_multiple_limit_rates
    @Test
    void aMovingWindowAppliesItsStrictestRate() {
        MovingWindowCallRatePolicy policy = new MovingWindowCallRatePolicy(ANY, List.of(
                rate(10, Duration.ofMinutes(10)), rate(3, Duration.ofSeconds(10)), rate(2, Duration.ofHours(1))),
                clock);
        assertThat(policy.tryAcquire(2)).isZero();
        assertThat(policy.tryAcquire(1)).isBetween(Duration.ofSeconds(3599), Duration.ofSeconds(3601));
    }

    // test_call_rate.py TestMovingWindowCallRatePolicy.test_no_rates
    @Test
    void aMovingWindowNeedsRates() {
        assertThatThrownBy(() -> new MovingWindowCallRatePolicy(ANY, List.of(), clock))
                .hasMessage("The list of rates can not be empty");
    }

    // call_rate.py MovingWindowCallRatePolicy.try_acquire: a weight above the lowest limit is refused
    @Test
    void aMovingWindowRefusesAMatcherHeavierThanItsLowestLimit() {
        RequestMatchers heavy = new RequestMatchers(List.of(matcher(Map.of(), 3)));
        assertThatThrownBy(() -> new MovingWindowCallRatePolicy(heavy,
                List.of(rate(10, Duration.ofMinutes(1)), rate(2, Duration.ofSeconds(1))), clock))
                .hasMessageContaining("lowest configured rate limit (2)");
    }

    // call_rate.py MovingWindowCallRatePolicy.update: no calls left and no reset time records one more call
    @Test
    void aMovingWindowRecordsOneCallWhenTheApiSaysNoneAreLeft() {
        MovingWindowCallRatePolicy policy = new MovingWindowCallRatePolicy(ANY,
                List.of(rate(3, Duration.ofMinutes(1))), clock);
        policy.update(0, null);
        policy.update(5, null);
        policy.update(0, Instant.parse("2024-01-01T00:05:00Z"));
        assertThat(policy.tryAcquire(2)).isZero();
        assertThat(policy.tryAcquire(1)).as("one call was recorded by the first update only").isPositive();
    }

    // test_call_rate.py TestUnlimitedCallRatePolicy
    @Test
    void anUnlimitedPolicyMatchesAnythingWithoutMatchersAndNeverWaits() {
        UnlimitedCallRatePolicy policy = new UnlimitedCallRatePolicy(ANY);
        assertThat(policy.matches(CALL)).isTrue();
        assertThat(policy.tryAcquire(1)).isZero();
        assertThat(policy.tryAcquire(10)).isZero();
        policy.update(10, clock.instant());
        policy.update(null, clock.instant());
        policy.update(10, null);
        assertThat(policy.tryAcquire(1_000_000)).isZero();
    }

    private static HttpRequestRegexMatcher matcher(Map<String, String> params, Integer weight) {
        return new HttpRequestRegexMatcher(null, null, null, params, Map.of(), weight);
    }
}

package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.http.RateLimiter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket of a task's share, on a clock the test moves, and how a share divides the limit. */
class SteadyRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    @Test
    void aBurstGoesAtOnceAndTheRestQueuesAtTheRate() {
        SteadyRateLimiter limiter = new SteadyRateLimiter(10, 2, now::get);
        assertThat(millis(limiter.reserve())).isZero();
        assertThat(millis(limiter.reserve())).isZero();
        assertThat(millis(limiter.reserve())).isEqualTo(100);
        assertThat(millis(limiter.reserve())).isEqualTo(200);

        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertThat(millis(limiter.reserve())).as("a quiet spell refills at most the burst").isZero();
        assertThat(millis(limiter.reserve())).isZero();
        assertThat(millis(limiter.reserve())).isEqualTo(100);
    }

    @Test
    void anyWindowHoldsAtMostTheBurstAndTheRate() {
        SteadyRateLimiter limiter = new SteadyRateLimiter(8, 1, now::get);
        long start = now.get();
        int inFirstSecond = 0;
        for (int i = 0; i < 100; i++) {
            long at = now.get() + limiter.reserve();
            if (at - start < TimeUnit.SECONDS.toNanos(1)) {
                inFirstSecond++;
            }
        }
        assertThat(inFirstSecond).isEqualTo(8);
    }

    @Test
    void aShareDividesTheConnectorsLimitAndBurst() {
        SluiceConnectorConfig config = new SluiceConnectorConfig(Map.of(SluiceConnectorConfig.SOURCE_CLASS, "x.Y",
                SluiceConnectorConfig.RATE_LIMIT, "40", SluiceConnectorConfig.RATE_LIMIT_BURST, "8"));
        RateShare share = RateShare.of(Map.of(RateShare.TASK_SHARE, RateShare.oneOf(4).encode()));
        assertThat(share.fraction()).isEqualTo(0.25);
        RateLimiter limiter = share.limiter(config);
        assertThat(limiter).isInstanceOf(SteadyRateLimiter.class);
        SteadyRateLimiter steady = (SteadyRateLimiter) limiter;
        assertThat(steady.reserve()).isZero();
        assertThat(steady.reserve()).isZero();
        assertThat(millis(steady.reserve())).as("10 a second after a burst of 2").isBetween(50L, 100L);

        SluiceConnectorConfig unlimited = new SluiceConnectorConfig(Map.of(SluiceConnectorConfig.SOURCE_CLASS, "x.Y"));
        assertThat(share.limiter(unlimited)).isSameAs(RateLimiter.NONE);
        assertThatThrownBy(() -> RateShare.of(Map.of(RateShare.TASK_SHARE, "2"))).hasMessageContaining("(0, 1]");
    }
}

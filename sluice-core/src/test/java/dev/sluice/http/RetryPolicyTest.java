package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theDefaultIsFiveRetriesIn600SecondsWithExponentialWaits() {
        RetryPolicy policy = RetryPolicy.DEFAULT;

        assertThat(policy.maxRetries()).isEqualTo(5);
        assertThat(policy.maxRetryTime()).isEqualTo(Duration.ofSeconds(600));
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(n -> policy.backoff(null, n)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(8), Duration.ofSeconds(16));
    }

    @Test
    void theFirstStrategyWithAPositiveWaitWins() {
        BackoffStrategy none = (response, attempt) -> Optional.empty();
        BackoffStrategy zero = (response, attempt) -> Optional.of(Duration.ZERO);
        BackoffStrategy seven = (response, attempt) -> Optional.of(Duration.ofSeconds(7));
        RetryPolicy policy = RetryPolicy.DEFAULT.withBackoffStrategies(List.of(none, zero, seven));

        assertThat(policy.backoff(null, 3)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void noStrategyIsAskedOnceTheRetriesAreUsedUp() {
        BackoffStrategy refuses = (response, attempt) -> {
            throw new AssertionError("asked for retry " + attempt);
        };
        RetryPolicy policy = RetryPolicy.DEFAULT.withMaxRetries(2).withBackoffStrategies(List.of(refuses));

        assertThat(policy.nextWait(null, 3, Duration.ZERO, false)).isEmpty();
    }

    @Test
    void theRetryTimeLimitsAllButRateLimitedRetries() {
        RetryPolicy policy = RetryPolicy.DEFAULT.withMaxRetryTime(Duration.ofSeconds(10));

        assertThat(policy.nextWait(null, 4, Duration.ofSeconds(2), false)).contains(Duration.ofSeconds(8));
        assertThat(policy.nextWait(null, 4, Duration.ofSeconds(3), false)).isEmpty();
        assertThat(policy.nextWait(null, 4, Duration.ofSeconds(3), true)).contains(Duration.ofSeconds(8));
    }

    @Test
    void anErrorHandlerIsAClassifierAndAPolicy() {
        RetryPolicy policy = RetryPolicy.DEFAULT.withMaxRetries(1);
        ErrorHandler handler = new ErrorHandler(DefaultErrorMapping.INSTANCE, policy);

        assertThat(handler.maxRetries()).isEqualTo(1);
        assertThat(handler.maxRetryTime()).isEqualTo(Duration.ofSeconds(600));
        assertThat(ErrorHandler.of(DefaultErrorMapping.INSTANCE).retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
    }
}

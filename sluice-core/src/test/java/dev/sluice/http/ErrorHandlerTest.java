package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An error handler is a classifier and a retry policy side by side, never one passed for the other. */
class ErrorHandlerTest {

    @Test
    void isNotAClassifierSoItsRetryPolicyCannotBeDroppedUnnoticed() {
        // Were it one, HttpExecutor(transport, handler, otherPolicy, ...) would compile and ignore its policy.
        assertThat(ErrorClassifier.class.isAssignableFrom(ErrorHandler.class)).isFalse();
    }

    @Test
    void givesItsPartsToTheExecutor() {
        RetryPolicy policy = RetryPolicy.DEFAULT.withMaxRetries(2);
        ErrorHandler handler = new ErrorHandler(DefaultErrorMapping.INSTANCE, policy);

        assertThat(handler.classifier()).isSameAs(DefaultErrorMapping.INSTANCE);
        assertThat(handler.maxRetries()).isEqualTo(2);
        assertThat(new HttpExecutor(HttpTransport.jdk(new HttpTransport.Options(java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1), 1024)), handler, Authenticator.NONE, duration -> { },
                java.time.Clock.systemUTC()).retryPolicy()).isEqualTo(policy);
    }
}

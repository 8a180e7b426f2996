package dev.sluice.memo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMemoTest {

    @Test
    void aKnownKeyIsNotComputedAgain() {
        AtomicInteger calls = new AtomicInteger();
        BoundedMemo<String, Integer> lengths = BoundedMemo.of(10, key -> {
            calls.incrementAndGet();
            return key.length();
        });

        assertThat(lengths.get("abc")).isEqualTo(3);
        assertThat(lengths.get("abc")).isEqualTo(3);
        assertThat(calls).hasValue(1);
    }

    @Test
    void pastTheLimitResultsAreComputedButNotKept() {
        AtomicInteger calls = new AtomicInteger();
        BoundedMemo<Integer, Integer> squares = BoundedMemo.of(2, key -> {
            calls.incrementAndGet();
            return key * key;
        });
        for (int key = 0; key < 100; key++) {
            assertThat(squares.get(key)).isEqualTo(key * key);
        }

        assertThat(squares.size()).isEqualTo(2);
        assertThat(squares.get(50)).isEqualTo(2500);
        assertThat(calls).hasValue(101);
    }

    @Test
    void aFailureIsNotRemembered() {
        AtomicInteger calls = new AtomicInteger();
        BoundedMemo<String, String> failing = BoundedMemo.of(10, key -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bad " + key);
        });

        assertThatThrownBy(() -> failing.get("x")).hasMessage("bad x");
        assertThatThrownBy(() -> failing.get("x")).hasMessage("bad x");
        assertThat(calls).hasValue(2);
    }
}

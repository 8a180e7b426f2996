package dev.sluice.examples.demo.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-row random sources. Every row has its own generator, derived from the seed, the data set and the row's id,
 * so any page can be generated without the rows before it and the data never has to be stored.
 * {@link SplittableRandom}'s algorithm is specified, so the rows are the same on every JVM.
 */
final class Seeds {

    static final long EMPLOYEES = 0x656d706cL;
    static final long TIME_OFF = 0x74696d65L;
    static final long BENEFITS = 0x62656e65L;

    private Seeds() {
    }

    static SplittableRandom random(long seed, long dataSet, long id) {
        return new SplittableRandom(mix(mix(seed ^ dataSet) + id));
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An amount with two decimals in [min, max). */
    static BigDecimal money(SplittableRandom random, long min, long max) {
        return BigDecimal.valueOf(random.nextLong(min * 100, max * 100), 2);
    }

    /** The SplitMix64 finaliser: spreads nearby inputs (ids 1, 2, 3) over the whole long range. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

/**
 * JMH benchmarks of the per-record hot path. Run with
 * {@code java -cp "sluice-bench/target/sluice-bench.jar:sluice-bench/target/lib/*" org.openjdk.jmh.Main}.
 */
@NullMarked
package dev.sluice.bench.jmh;

import org.jspecify.annotations.NullMarked;

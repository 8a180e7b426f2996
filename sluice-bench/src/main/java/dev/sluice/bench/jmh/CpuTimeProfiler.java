package dev.sluice.bench.jmh;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation: the forked benchmark JVM's process CPU time (user and system, all its threads: the
 * client's own selector and pool threads, GC and JIT included) across each iteration, divided by the iteration's
 * operations. The page server runs in another process and is not counted. The last iteration also carries the
 * trial's tear-down (closing the client), a few milliseconds over thousands of operations. Use with
 * {@code -prof dev.sluice.bench.jmh.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private long processStart;

    @Override
    public String getDescription() {
        return "process CPU time (user + system) per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        processStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long process = os.getProcessCpuTime() - processStart;
        long operations = Math.max(result.getMetadata().getAllOps(), 1);
        return List.of(new ScalarResult("cpu", process / 1e3 / operations, "µs/op", AggregationPolicy.AVG));
    }
}

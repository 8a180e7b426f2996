package dev.sluice.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.LiteralTypes;
import dev.sluice.declarative.interpolation.Template;
import dev.sluice.bench.BenchRecords;
import dev.sluice.protocol.Json;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** A per-record template, compiled once and evaluated against each record: nanoseconds per evaluation. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TemplateBenchmark {

    private Template concatenation;
    private Template condition;
    private InterpolationContext base;
    private ObjectNode record;

    @Setup
    public void setUp() {
        concatenation = Template.compile("{{ record.first_name }} {{ record.last_name }}");
        condition = Template.compile("{{ record['visits'] > 100 and record.get('plan', 'team') != 'free' }}");
        base = InterpolationContext.of(Json.object());
        record = BenchRecords.record(42);
    }

    @Benchmark
    public JsonNode concatenate() {
        return concatenation.eval(base.with("record", record), LiteralTypes.ANY);
    }

    @Benchmark
    public JsonNode compareAndDefault() {
        return condition.eval(base.with("record", record), LiteralTypes.ANY);
    }
}

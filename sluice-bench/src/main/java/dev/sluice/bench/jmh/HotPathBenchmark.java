package dev.sluice.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.decoder.JsonDecoderSpec;
import dev.sluice.declarative.decoder.StreamingJson;
import dev.sluice.declarative.extractor.RecordSelector;
import dev.sluice.declarative.extractor.RecordSelectorSpec;
import dev.sluice.declarative.manifest.ManifestBinder;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.declarative.manifest.ResolvedManifest;
import dev.sluice.declarative.transform.AddFieldsSpec;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.bench.BenchRecords;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.MessageWriter;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One page of the bench stream (100 records of 15 fields) through the per-record path: extract while parsing
 * (as a streamed page is read), select with the bench manifest's {@code AddFields}, and write RECORD lines; and,
 * for comparison, the plain Jackson baseline of the ceiling program. Scores are pages per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathBenchmark {

    private byte[] page;
    private StreamingJson streaming;
    private RecordSelector selector;
    private RecordContext context;
    private MessageWriter writer;
    private RunContext run;

    @Setup
    public void setUp() throws IOException {
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        for (long id = 1; id <= 100; id++) {
            data.add(BenchRecords.record(id));
        }
        body.put("next_page", 2);
        page = Json.MAPPER.writeValueAsBytes(body);
        run = RunContext.named("benchmark");
        BuildContext build = BuildContext.of(Config.empty(), run);
        ResolvedManifest transformation = ManifestPipeline.fromJson(Json.parse("""
                {"type": "AddFields", "fields": [{"path": ["full_name"],
                  "value": "{{ record.first_name }} {{ record.last_name }}"}]}"""));
        AddFieldsSpec addFields = ManifestBinder.bind(transformation, AddFieldsSpec.class);
        ResolvedManifest selection = ManifestPipeline.fromJson(Json.parse(
                "{\"type\": \"RecordSelector\", \"extractor\": {\"type\": \"DpathExtractor\", \"field_path\": [\"data\"]}}"));
        selector = ManifestBinder.bind(selection, RecordSelectorSpec.class).build(build, JsonDecoderSpec.DEFAULT,
                List.of(addFields.build(build)), Json::object, false);
        streaming = new StreamingJson(List.of("data"));
        context = RecordContext.of(build.interpolation(), StreamSlice.EMPTY, null);
        writer = new MessageWriter(OutputStream.nullOutputStream());
    }

    @TearDown
    public void tearDown() {
        run.close();
    }

    @Benchmark
    public JsonNode extractTransformSerialize() throws IOException {
        JsonNode rest = streaming.extract(new ByteArrayInputStream(page), record -> {
            ObjectNode selected = selector.selectOne(record, context);
            if (selected != null) {
                writer.write(new AirbyteRecord("records", selected, 1L));
            }
        });
        writer.flush();
        return rest;
    }

    @Benchmark
    public void extractOnly(Blackhole hole) throws IOException {
        hole.consume(streaming.extract(new ByteArrayInputStream(page), hole::consume));
    }

    /** The ceiling program's loop on the same page: readTree, add the field, write each record. */
    @Benchmark
    public void jacksonBaseline(Blackhole hole) throws IOException {
        JsonNode body = Json.MAPPER.readTree(page);
        for (JsonNode node : body.get("data")) {
            ObjectNode record = (ObjectNode) node;
            record.put("full_name", record.get("first_name").asText() + " " + record.get("last_name").asText());
            writer.write(new AirbyteRecord("records", record, 1L));
        }
        writer.flush();
        hole.consume(new String(page, 0, 1, StandardCharsets.UTF_8));
    }
}

package dev.sluice.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * What one task reads: a stream. Its identity is the Connect source partition {@code {"stream": name}}, under
 * which the stream's Airbyte state is stored as the source offset.
 */
record WorkUnit(String stream) {

    static final String TASK_UNITS = "sluice.task.units";

    Map<String, String> sourcePartition() {
        return Map.of("stream", stream);
    }

    static String encode(List<WorkUnit> units) {
        return Json.write(units.stream().map(WorkUnit::stream).toList());
    }

    static List<WorkUnit> decode(String text) {
        try {
            List<String> streams = Json.MAPPER.readValue(text, new TypeReference<List<String>>() { });
            return streams.stream().map(WorkUnit::new).toList();
        } catch (JsonProcessingException e) {
            throw new ConnectException("Invalid task assignment " + TASK_UNITS + ": " + e.getOriginalMessage(), e);
        }
    }
}

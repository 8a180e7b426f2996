package dev.sluice.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a stream delivered, in order. */
final class RecordingSink implements StreamSink {

    final List<ObjectNode> records = new ArrayList<>();
    final List<StreamState> checkpoints = new ArrayList<>();

    @Override
    public void record(ObjectNode data) {
        records.add(data);
    }

    @Override
    public void checkpoint(StreamState state) {
        checkpoints.add(state);
    }

    List<Integer> ids() {
        return records.stream().map(record -> record.get("id").asInt()).sorted().toList();
    }

    JsonNode lastState() {
        return TestManifests.normalized(checkpoints.get(checkpoints.size() - 1).json());
    }
}

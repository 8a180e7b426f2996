package dev.sluice.testkit.standard;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.Json;
import dev.sluice.testkit.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** The checks of incremental reads: STATE after the records it covers; a second read returns nothing older. */
final class IncrementalChecks {

    private final BiFunction<AirbyteStream, JsonNode, Optional<JsonNode>> cursorOfState;

    IncrementalChecks(BiFunction<AirbyteStream, JsonNode, Optional<JsonNode>> cursorOfState) {
        this.cursorOfState = cursorOfState;
    }

    void statesFollowRecords(List<AirbyteStream> streams, Output output) {
        List<String> problems = new ArrayList<>();
        int records = 0;
        for (AirbyteStream stream : streams) {
            JsonNode newestState = null;
            String newestStateText = "";
            int states = 0;
            for (AirbyteMessage message : Messages.of(output, stream.name())) {
                if (message instanceof AirbyteStateMessage state) {
                    states++;
                    JsonNode cursor = stateCursor(stream, state.stream().streamState());
                    if (newestState == null || CursorValues.compare(cursor, newestState) > 0) {
                        newestState = cursor;
                        newestStateText = Json.write(state.stream().streamState());
                    }
                } else if (message instanceof AirbyteRecord record) {
                    records++;
                    JsonNode cursor = recordCursor(stream, record.data());
                    if (newestState != null && CursorValues.compare(cursor, newestState) < 0 && problems.size() < 10) {
                        problems.add(stream.name() + ": record " + Messages.brief(record.data()) + " (cursor "
                                + cursor.asText() + ") came after STATE " + newestStateText + ", which covers it");
                    }
                }
            }
            if (states == 0) {
                problems.add(stream.name() + ": the incremental read emitted no STATE");
            }
        }
        if (!problems.isEmpty()) {
            fail("a STATE was emitted before records it covers (a sync interrupted there would lose them):\n  "
                    + String.join("\n  ", problems));
        }
        if (records == 0) {
            fail("the incremental read returned no records, so nothing was checked: give a config (and API) with "
                    + "data");
        }
    }

    void nothingOlderThanState(List<AirbyteStream> streams, Output first, Output second) {
        List<String> problems = new ArrayList<>();
        for (AirbyteStream stream : streams) {
            Optional<JsonNode> finalState = first.mostRecentState(stream.name());
            if (finalState.isEmpty()) {
                problems.add(stream.name() + ": the first read emitted no STATE to start the second from");
                continue;
            }
            JsonNode cursor = stateCursor(stream, finalState.get());
            int older = 0;
            @Nullable JsonNode example = null;
            for (JsonNode record : second.records(stream.name())) {
                JsonNode value = recordCursor(stream, record);
                if (CursorValues.compare(value, cursor) < 0) {
                    older++;
                    example = example == null ? record : example;
                }
            }
            if (example != null) {
                problems.add(stream.name() + ": read from STATE " + Json.write(finalState.get()) + ", it returned "
                        + older + " of " + second.records(stream.name()).size() + " records older than the cursor "
                        + cursor.asText() + ", e.g. " + Messages.brief(example));
            }
        }
        if (!problems.isEmpty()) {
            fail("a second incremental read did not start from the state (the cursor is ignored):\n  "
                    + String.join("\n  ", problems));
        }
    }

    private JsonNode stateCursor(AirbyteStream stream, @Nullable JsonNode state) {
        JsonNode json = state == null ? Json.object() : state;
        return cursorOfState.apply(stream, json).orElseThrow(() -> new AssertionError(stream.name() + ": STATE "
                + Json.write(json) + " holds no cursor value under " + stream.defaultCursorField()
                + "; override cursorValue(stream, state) to say where it is"));
    }

    private static JsonNode recordCursor(AirbyteStream stream, JsonNode record) {
        JsonNode value = record.at(Messages.pointer(stream.defaultCursorField()));
        if (value.isMissingNode() || value.isNull()) {
            throw new AssertionError(stream.name() + ": record " + Messages.brief(record) + " has no cursor value at "
                    + stream.defaultCursorField());
        }
        return value;
    }
}

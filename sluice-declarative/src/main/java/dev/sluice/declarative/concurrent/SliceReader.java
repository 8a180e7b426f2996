package dev.sluice.declarative.concurrent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import java.util.function.Consumer;

/** Reads the records of one slice, in order (every page). Thread-safe: slices are read concurrently. */
@FunctionalInterface
public interface SliceReader {

    void read(StreamSlice slice, Consumer<ObjectNode> records);
}

package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which parent state a checkpoint may claim. Each partition is numbered as it is generated and remembered with the
 * parent state read right after it; the checkpointed parent state advances to a remembered state only once every
 * partition numbered at or below it has been read completely. A failed partition is never completed, so the parent
 * state never moves past it and a resumed sync reads its parent records again. Not thread-safe: the per-partition
 * cursor calls it under its lock.
 */
final class ParentStates {

    private record Candidate(@Nullable ObjectNode state, int sequence) {
    }

    private final Deque<Candidate> candidates = new ArrayDeque<>();
    private final TreeSet<Integer> open = new TreeSet<>();
    private int generated;
    private @Nullable ObjectNode current;

    ParentStates(@Nullable ObjectNode incoming) {
        this.current = incoming;
    }

    /** A partition was generated; returns its number. {@code parentState} is the router's state right after it. */
    int generated(@Nullable ObjectNode parentState) {
        int sequence = generated++;
        open.add(sequence);
        Candidate last = candidates.peekLast();
        if (last == null || !Objects.equals(last.state(), parentState)) {
            candidates.addLast(new Candidate(parentState == null ? null : parentState.deepCopy(), sequence));
        }
        return sequence;
    }

    /** Every slice of the partition numbered {@code sequence} was read. */
    void completed(int sequence) {
        open.remove(sequence);
        ObjectNode advanced = null;
        boolean found = false;
        while (!candidates.isEmpty()) {
            Candidate earliest = candidates.peekFirst();
            if (!open.isEmpty() && open.first() <= earliest.sequence()) {
                break;
            }
            candidates.removeFirst();
            advanced = earliest.state();
            found = true;
        }
        if (found && advanced != null) {
            current = advanced;
        }
    }

    /** The parent state a checkpoint may claim now; null when there is none. */
    @Nullable ObjectNode current() {
        return current;
    }

    /** At the end of a read in which every partition completed, the router's own final state. */
    void finish(@Nullable ObjectNode routerState) {
        current = routerState;
    }
}

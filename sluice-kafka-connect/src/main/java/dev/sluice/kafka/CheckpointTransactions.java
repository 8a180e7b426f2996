package dev.sluice.kafka;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.TransactionContext;
import org.jspecify.annotations.Nullable;

/**
 * Where a task's Kafka transactions end when the worker runs it exactly once with connector-defined boundaries
 * ({@code transaction.boundary=connector}, so Connect gives the task a {@link TransactionContext}): at the record that
 * carries a unit's checkpoint, and nowhere else. Since a task reads its units one after another and each unit's last
 * checkpoint comes before the next unit's first record, a transaction then holds exactly the records of one
 * checkpoint interval, committed together with the offset of that checkpoint.
 *
 * <p>Records handed out after the last commit are <em>open</em>: they are written to Kafka inside a transaction
 * that is not committed yet. When the read they belong to fails, or the transaction has been open for longer than
 * {@code sluice.transaction.timeout.ms}, the task aborts it (the broker would abort it anyway after the producer's
 * {@code transaction.timeout.ms}, fencing the task) and reads the unit again from its last checkpoint.
 *
 * <p>Without a context (at-least-once, or {@code poll}/{@code interval} boundaries) every method does nothing.
 * Used on the polling thread only.
 */
final class CheckpointTransactions {

    private final @Nullable TransactionContext context;
    private final long timeoutMillis;
    /** Records handed out since the last commit (or abort). */
    private int open;
    /** When the first of them was handed out. */
    private long openedAt;
    /** Transactions aborted for their age since the last commit: a unit that never checkpoints in time. */
    private int expiredInARow;

    CheckpointTransactions(@Nullable TransactionContext context, long timeoutMillis) {
        this.context = context;
        this.timeoutMillis = timeoutMillis;
    }

    /** Whether the worker lets the task end transactions: only then does the task promise exactly once. */
    boolean exactlyOnce() {
        return context != null;
    }

    /** A record goes out without a checkpoint: it joins the open transaction. */
    void handedOut(long now) {
        if (context != null && open++ == 0) {
            openedAt = now;
        }
    }

    /** A record goes out carrying a checkpoint: its transaction commits once the worker has sent it. */
    void checkpointed(SourceRecord carrier) {
        if (context != null) {
            context.commitTransaction(carrier);
            open = 0;
            expiredInARow = 0;
        }
    }

    /**
     * Records counted as handed out are dropped from the batch being returned instead: they never reach the
     * producer, so only those of earlier batches are left to abort (aborting a transaction the producer has not
     * begun would fail the task).
     */
    void dropped(int count) {
        open = Math.max(0, open - count);
    }

    /**
     * Aborts the open transaction after the batch being returned, when records of earlier batches are in it (the
     * batch itself must hold no open record: the caller drops them, as they are read again).
     */
    void abort() {
        if (context != null && open > 0) {
            context.abortTransaction();
        }
        open = 0;
    }

    /** Whether the open transaction is older than the timeout. */
    boolean expired(long now) {
        return context != null && open > 0 && now - openedAt > timeoutMillis;
    }

    /** How long to wait for the reader: at most {@code most} ms, and no longer than the open transaction may live. */
    long waitMillis(long now, long most) {
        return context == null || open == 0 ? most : Math.max(0, Math.min(most, openedAt + timeoutMillis + 1 - now));
    }

    /** Counts an abort for age; returns how many there were in a row, without a commit between them. */
    int expiredAgain() {
        return ++expiredInARow;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }
}

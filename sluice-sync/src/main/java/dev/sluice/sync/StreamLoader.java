package dev.sluice.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.source.StreamState;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one stream. Records go straight into the open transaction (no copy kept in memory); a checkpoint
 * becomes a commit of those records together with the state when enough time or records have passed since the
 * last one, and always at the end. A failure or a killed process rolls back to the last commit, whose state
 * covers exactly the committed records, so the next sync resumes without loss or duplicates.
 */
final class StreamLoader {

    private static final Logger log = LoggerFactory.getLogger(StreamLoader.class);

    private final StreamPlan plan;
    private final Database database;
    private final Tables tables;
    private final StateStore states;
    private final SyncOptions options;
    private final Clock clock;
    private @Nullable RowWriter writer;
    private @Nullable RecordConverter converter;
    private List<Column> columns = List.of();
    private @Nullable StreamState pending;
    /** The state stored for this stream: the one it started from, then each one committed. */
    private @Nullable StreamState saved;
    private @Nullable RuntimeException startFailure;
    private long lastCommitMillis;
    private long sinceCommit;
    private long read;
    private long committed;

    StreamLoader(StreamPlan plan, Database database, StateStore states, SyncOptions options, Clock clock) {
        this.plan = plan;
        this.database = database;
        this.tables = new Tables(database);
        this.states = states;
        this.options = options;
        this.clock = clock;
        this.saved = plan.replace() && !plan.resume() || plan.incoming().isEmpty() ? null : plan.incoming();
    }

    StreamPlan plan() {
        return plan;
    }

    long recordsRead() {
        return read;
    }

    long recordsCommitted() {
        return committed;
    }

    /**
     * Prepares the tables and commits that. Never throws: the runner reports a stream's STARTED outside the
     * stream's failure boundary, so a failure here is kept and thrown at the stream's first message instead.
     */
    void start() {
        try {
            database.begin();
            String target = plan.target();
            if (plan.replace() && !plan.resume()) {
                tables.drop(target);
                tables.create(target, plan.columns(), false);
                tables.index(target, plan.primaryKey());
                states.save(new StateStore.Entry(plan.stream(), plan.table(), null, true));
            } else if (!tables.exists(target)) {
                tables.create(target, plan.columns(), false);
                tables.index(target, plan.primaryKey());
            }
            columns = tables.evolve(target, plan.columns());
            String into = target;
            if (plan.deduplicated()) {
                into = TableNames.batch(plan.table());
                tables.drop(into);
                tables.create(into, columns, true);
                tables.index(into, plan.primaryKey());
            }
            database.commit();
            database.begin();
            writer = database.dialect().writer(database.connection(), into, columns, plan.deduplicated());
            converter = new RecordConverter(columns, plan.deduplicated());
            lastCommitMillis = clock.millis();
        } catch (SQLException e) {
            rollbackQuietly();
            startFailure = database.failure("Preparing the table " + plan.table(), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            startFailure = e;
        }
    }

    void record(ObjectNode data, long emittedAt) {
        RowWriter out = ready();
        try {
            converter.write(data, emittedAt, out);
        } catch (SQLException e) {
            throw database.failure("Writing a record of " + plan.stream() + " into " + plan.target(), e);
        }
        read++;
        sinceCommit++;
    }

    /**
     * A checkpoint that covers no record since the last commit waits for the stream's end (or the next commit): a
     * stream that fails while building its cursor or slices still writes its cursor's state, in its initial shape,
     * before the failure arrives, and that state must never replace the progress already stored.
     */
    void checkpoint(StreamState state) {
        ready();
        pending = state;
        if (sinceCommit > 0 && (sinceCommit >= options.commitRecords()
                || clock.millis() - lastCommitMillis >= options.commitInterval().toMillis())) {
            commit(false);
        }
    }

    /** The stream completed: commits the rest and, for a replace, swaps the staging table in. */
    void complete() {
        ready();
        commit(true);
    }

    /** The stream failed: the records since the last commit are rolled back, the committed ones stay. */
    void fail() {
        RowWriter open = writer;
        writer = null;
        if (open != null) {
            try {
                open.close(); // into the transaction that is rolled back next: DuckDB's close flushes
            } catch (SQLException e) {
                log.debug("Ignoring a failure to close the writer of {}: {}", plan.stream(), e.toString());
            }
            rollbackQuietly();
            dropBatchQuietly();
        }
        log.info("Stream {}: {} records committed before the failure; the next sync resumes from there",
                plan.stream(), committed);
    }

    private RowWriter ready() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (writer == null) {
            throw new IllegalStateException("Stream " + plan.stream() + " is not loading");
        }
        return writer;
    }

    private void commit(boolean last) {
        RowWriter out = ready();
        try {
            out.flush();
            if (plan.deduplicated()) {
                tables.merge(TableNames.batch(plan.table()), plan.target(), columns, plan.primaryKey(),
                        plan.cursor());
            }
            if (last) {
                out.close();
                writer = null;
                if (plan.deduplicated()) {
                    tables.drop(TableNames.batch(plan.table()));
                }
                if (plan.replace()) {
                    tables.swap(plan.target(), plan.table());
                }
            }
            if (pending != null || last) {
                // At the end without a new checkpoint, the stored state stays: the stream claimed nothing more.
                saved = pending != null ? pending : saved;
                states.save(new StateStore.Entry(plan.stream(), plan.table(), saved, !last && plan.replace()));
            }
            database.commit();
            if (!last) {
                database.begin();
            }
        } catch (SQLException e) {
            throw database.failure("Committing " + plan.stream() + " into " + plan.table(), e);
        }
        committed = read;
        sinceCommit = 0;
        lastCommitMillis = clock.millis();
        pending = null;
    }

    private void rollbackQuietly() {
        try {
            database.rollback();
        } catch (SQLException e) {
            log.debug("Ignoring a failed rollback for {}: {}", plan.stream(), e.toString());
        }
    }

    private void dropBatchQuietly() {
        if (!plan.deduplicated()) {
            return;
        }
        try {
            tables.drop(TableNames.batch(plan.table()));
        } catch (SQLException e) {
            log.debug("Ignoring a failure to drop the batch table of {}: {}", plan.stream(), e.toString());
        }
    }
}

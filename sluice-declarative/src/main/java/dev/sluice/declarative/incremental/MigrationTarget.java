package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/** The stream a state migration is built for: what {@code LegacyToPerPartitionStateMigration} reads of it. */
public interface MigrationTarget {

    /**
     * The partition field of the stream's single parent stream (or union router); null when the router has several
     * parent streams.
     *
     * @throws dev.sluice.declarative.manifest.ManifestException when the stream has no incremental sync or no
     *         partition router a legacy migration works with
     */
    @Nullable String legacyPartitionField();

    /** The stream cursor's {@code cursor_field}, unevaluated. */
    String cursorField();

    /** The stream's {@code $parameters}, or null. */
    @Nullable ObjectNode parameters();
}

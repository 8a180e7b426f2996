package dev.sluice.sync;

/**
 * Follows a sync as it runs, on the thread that reads the source: keep each call cheap.
 * {@link ConsoleProgress} draws it on standard error.
 */
public interface SyncListener {

    SyncListener NONE = new SyncListener() {
    };

    default void streamStarted(String stream, String table, String mode) {
    }

    /** Called after every record with the stream's running count. */
    default void recordLoaded(String stream, long records) {
    }

    default void streamFinished(StreamResult result) {
    }

    default void syncFinished(SyncResult result) {
    }
}

package dev.sluice.sync;

import dev.sluice.source.Config;
import dev.sluice.source.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** Runs syncs into a fresh database of each kind; subclasses take the kind as a parameter. */
abstract class SyncTestCase {

    /** The names of {@link #destinations()}, for {@code @MethodSource}. */
    static final String DESTINATIONS = "dev.sluice.sync.SyncTestCase#destinations";

    @TempDir
    Path dir;

    static java.util.stream.Stream<String> destinations() {
        return java.util.stream.Stream.of("DuckDB", "SQLite", "PostgreSQL");
    }

    TestDestination destination(String kind) {
        try {
            Path own = Files.createTempDirectory(dir, kind);
            return switch (kind) {
                case "DuckDB" -> TestDestination.duckDb(own);
                case "SQLite" -> TestDestination.sqlite(own);
                default -> TestDestination.postgres();
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SyncResult sync(Source source, TestDestination destination, SyncOptions options) {
        return new Sync(source, destination.url(), Clock.systemUTC()).run(Config.empty(), options,
                SyncListener.NONE);
    }

    /** Commits at every checkpoint, so that what a test sees committed does not depend on timing. */
    static SyncOptions everyCheckpoint() {
        return SyncOptions.defaults().withCommitEvery(java.time.Duration.ZERO, 1);
    }
}

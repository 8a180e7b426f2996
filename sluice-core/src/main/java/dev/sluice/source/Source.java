package dev.sluice.source;

import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConnectorSpecification;
import java.util.List;

/**
 * A connector: its specification, a connection check and its streams. Implementations need a public no-arg
 * constructor to be run by class name ({@code ./sluice read --source dev.acme.AcmeSource}).
 *
 * <p>The runner validates the config against {@link #spec()}'s {@code connectionSpecification} before it calls
 * {@link #check} or {@link #streams}, so both may assume a config of the right shape.
 *
 * <p>Every command runs in a {@link RunContext} (its secrets, HTTP transport and threads). The runner calls the
 * methods that take the run; by default they delegate to their twins without it, so a simple source implements
 * {@link #streams(Config)} alone and its streams find the run in each {@link ReadRequest}. A source that needs
 * the run while it builds its streams (a declarative source) overrides the run-taking methods.
 */
public interface Source {

    ConnectorSpecification spec();

    /** The streams this config gives access to; called once per command. */
    List<Stream> streams(Config config);

    /** The streams of this config in {@code run}; the default ignores the run. */
    default List<Stream> streams(Config config, RunContext run) {
        return streams(config);
    }

    /**
     * The streams for a {@code read} of this configured catalog. Sources whose streams depend on the user's
     * selection (e.g. which properties to request) override this; the default ignores the catalog.
     */
    default List<Stream> streams(Config config, ConfiguredAirbyteCatalog catalog) {
        return streams(config);
    }

    /** The streams for a {@code read} of this configured catalog in {@code run}; the default ignores the run. */
    default List<Stream> streams(Config config, ConfiguredAirbyteCatalog catalog, RunContext run) {
        return streams(config, catalog);
    }

    /**
     * The same source, telling {@code listener} whenever it changes the user's config while running (a rotated
     * OAuth refresh token). Whoever runs a source calls this before running it; the default, for sources that never
     * change their config, returns this source unchanged.
     */
    default Source withConfigUpdates(ConfigUpdateListener listener) {
        return this;
    }

    /**
     * Whether the config works, checked in {@code run}. The default reads the first record of the first stream.
     * Return {@link ConnectionStatus#failed} for a config that does not work; throw {@link ConfigException} for
     * the same reason with detail; other exceptions fail the command.
     */
    default ConnectionStatus check(Config config, RunContext run) {
        List<Stream> streams = streams(config, run);
        if (streams.isEmpty()) {
            return ConnectionStatus.failed("The source has no streams");
        }
        Availability.firstRecord(streams.get(0), run);
        return ConnectionStatus.succeeded();
    }
}

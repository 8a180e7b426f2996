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
 */
public interface Source {

    ConnectorSpecification spec();

    /** The streams this config gives access to; called once per command. */
    List<Stream> streams(Config config);

    /**
     * The streams for a {@code read} of this configured catalog. Sources whose streams depend on the user's
     * selection (e.g. which properties to request) override this; the default ignores the catalog.
     */
    default List<Stream> streams(Config config, ConfiguredAirbyteCatalog catalog) {
        return streams(config);
    }

    /**
     * Whether the config works. The default reads the first record of the first stream. Return
     * {@link ConnectionStatus#failed} for a config that does not work; throw {@link ConfigException} for the same
     * reason with detail; other exceptions fail the command.
     */
    default ConnectionStatus check(Config config) {
        List<Stream> streams = streams(config);
        if (streams.isEmpty()) {
            return ConnectionStatus.failed("The source has no streams");
        }
        Availability.firstRecord(streams.get(0));
        return ConnectionStatus.succeeded();
    }
}

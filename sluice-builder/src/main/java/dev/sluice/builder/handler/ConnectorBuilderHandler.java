package dev.sluice.builder.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import org.jspecify.annotations.Nullable;

/**
 * Answers one Connector Builder request — the config's {@code __command} ({@code test_read},
 * {@code resolve_manifest}, {@code full_resolve_manifest}) on its {@code __injected_declarative_manifest} — with
 * exactly one message: a RECORD holding the answer, or a TRACE error worded as the reference's.
 */
public final class ConnectorBuilderHandler {

    /**
     * The one message answering {@code config} (with {@code catalog} and {@code state}, the files' JSON, for
     * {@code test_read}). Never throws: every failure is the TRACE error returned.
     */
    public AirbyteMessage handle(JsonNode config, @Nullable JsonNode catalog, @Nullable JsonNode state) {
        throw new ConnectorException(FailureType.SYSTEM_ERROR, "the connector-builder handler is not implemented yet");
    }
}

package dev.sluice.source;

import dev.sluice.protocol.FailureType;
import org.jspecify.annotations.Nullable;

/** The user's configuration is invalid or insufficient ({@code config_error}): the user must fix it. */
public class ConfigException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(FailureType.CONFIG_ERROR, message, message, null);
    }

    public ConfigException(String message, @Nullable Throwable cause) {
        super(FailureType.CONFIG_ERROR, message, message, cause);
    }

    public ConfigException(String userMessage, String internalMessage) {
        super(FailureType.CONFIG_ERROR, userMessage, internalMessage, null);
    }
}

package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who has to act on an error: the user ({@code config_error}), nobody yet ({@code transient_error}) or us. */
public enum FailureType {
    /** The user must fix the configuration or permissions; the platform does not retry. */
    CONFIG_ERROR("config_error"),
    /** A bug or an unexpected condition in the connector or the API. */
    SYSTEM_ERROR("system_error"),
    /** A temporary condition (rate limit, 5xx, network); retrying later may succeed. */
    TRANSIENT_ERROR("transient_error");

    private final String wireName;

    FailureType(String wireName) {
        this.wireName = wireName;
    }

    /** The protocol's spelling, e.g. {@code config_error}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}

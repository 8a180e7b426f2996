package dev.sluice.protocol;

/**
 * Receives protocol messages in order. {@link MessageWriter} prints them; tests, the {@code sync} command and
 * the Kafka adapter consume them typed, without JSON in between.
 */
@FunctionalInterface
public interface MessageSink {

    void accept(AirbyteMessage message);
}

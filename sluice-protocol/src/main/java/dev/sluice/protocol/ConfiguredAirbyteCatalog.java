package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** The {@code --catalog} input of {@code read}: which streams to read, in this order, and how. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfiguredAirbyteCatalog(@JsonProperty("streams") List<ConfiguredAirbyteStream> streams) {

    public ConfiguredAirbyteCatalog {
        streams = List.copyOf(streams);
    }

    public Optional<ConfiguredAirbyteStream> stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}

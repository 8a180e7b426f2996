package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The CATALOG payload of {@code discover}: {@code {"streams": [...]}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AirbyteCatalog(@JsonProperty("streams") List<AirbyteStream> streams) implements AirbyteMessage {

    public AirbyteCatalog {
        streams = List.copyOf(streams);
    }

    @JsonIgnore
    @Override
    public Type messageType() {
        return Type.CATALOG;
    }
}

package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Objects;

/**
 * {@code type: BlockSimultaneousSyncsAction} — a stream group's action: its streams are never read at the same time
 * (nor while one of them is read as the parent of another stream). The only action the reference defines.
 */
@JsonTypeName("BlockSimultaneousSyncsAction")
public record BlockSimultaneousSyncsActionSpec(
        @JsonProperty(value = "type", required = true) String type) {

    public BlockSimultaneousSyncsActionSpec {
        Objects.requireNonNull(type, "type is required");
        if (!type.equals("BlockSimultaneousSyncsAction")) {
            throw new IllegalArgumentException("expected type BlockSimultaneousSyncsAction, got '" + type + "'");
        }
    }
}

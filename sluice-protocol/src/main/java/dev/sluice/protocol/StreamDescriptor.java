package dev.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Names one stream: {@code {"name": "users", "namespace": "public"}}; the namespace is usually absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamDescriptor(
        @JsonProperty("name") String name,
        @JsonProperty("namespace") @Nullable String namespace) {

    public StreamDescriptor {
        requireNonNull(name, "name is null");
    }

    public static StreamDescriptor of(String name) {
        return new StreamDescriptor(name, null);
    }
}

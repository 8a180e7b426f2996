package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: KeyTransformation} — the {@code prefix} and {@code suffix} (templates over {@code config}) that
 * {@code DpathFlattenFields} puts around the keys it lifts.
 * <pre>{@code key_transformation: {type: KeyTransformation, prefix: "address_"}}</pre>
 */
@JsonTypeName("KeyTransformation")
public record KeyTransformationSpec(
        @JsonProperty("prefix") @Nullable String prefix,
        @JsonProperty("suffix") @Nullable String suffix) {
}

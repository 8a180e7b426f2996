package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sluice.declarative.interpolation.LiteralTypes;

/** {@code value_type} of an added field: the literal type the rendered value must have to be kept as such. */
public enum ValueType {
    @JsonProperty("string") STRING(LiteralTypes.STRING),
    @JsonProperty("number") NUMBER(LiteralTypes.NUMBER),
    @JsonProperty("integer") INTEGER(LiteralTypes.INTEGER),
    @JsonProperty("boolean") BOOLEAN(LiteralTypes.BOOLEAN);

    private final LiteralTypes literalTypes;

    ValueType(LiteralTypes literalTypes) {
        this.literalTypes = literalTypes;
    }

    public LiteralTypes literalTypes() {
        return literalTypes;
    }
}

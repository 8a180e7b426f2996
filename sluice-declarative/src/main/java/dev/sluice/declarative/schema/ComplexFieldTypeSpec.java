package dev.sluice.declarative.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sluice.declarative.manifest.KindUnion;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/**
 * A {@code target_type} with items (no {@code type} key): {@code field_type} is an Airbyte type name, and
 * {@code items}, allowed only when it is {@code array}, the type of the array's items — a name or another
 * {@code ComplexFieldType}.
 * <pre>{@code target_type: {field_type: array, items: {field_type: array, items: integer}}}</pre>
 */
public record ComplexFieldTypeSpec(
        @JsonProperty(value = "field_type", required = true) String fieldType,
        @JsonProperty("items") @Nullable Items items) {

    public ComplexFieldTypeSpec {
        requireNonNull(fieldType, "field_type is required");
        // As the reference's ComplexFieldType: an empty items name counts as no items.
        if (items != null && !items.isEmpty() && !fieldType.equals("array")) {
            throw new IllegalArgumentException("'items' can only be used when 'field_type' is an array.");
        }
    }

    FieldType.Complex build() {
        return new FieldType.Complex(fieldType, items == null || items.isEmpty() ? null : items.build());
    }

    /** {@code items}: a type name, or a nested {@code ComplexFieldType}. */
    @KindUnion
    public sealed interface Items permits Items.Name, Items.Complex {

        FieldType build();

        default boolean isEmpty() {
            return false;
        }

        record Name(String name) implements Items {
            @Override
            public FieldType build() {
                return new FieldType.Declared(Json.MAPPER.getNodeFactory().textNode(name));
            }

            @Override
            public boolean isEmpty() {
                return name.isEmpty();
            }
        }

        record Complex(ComplexFieldTypeSpec complex) implements Items {
            @Override
            public FieldType build() {
                return complex.build();
            }
        }
    }
}

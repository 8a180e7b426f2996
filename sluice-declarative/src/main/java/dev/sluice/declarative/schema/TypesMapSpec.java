package dev.sluice.declarative.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.manifest.KindUnion;
import dev.sluice.protocol.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item of {@code SchemaTypeIdentifier.types_mapping} (no {@code type} key): a field whose API type equals
 * {@code current_type} (a name, or a list of names compared as a whole) and for which {@code condition} holds gets
 * {@code target_type} instead. The condition sees {@code raw_schema}, the field's definition, and {@code config};
 * without one the mapping always applies. The first mapping that applies wins.
 * <pre>{@code
 * types_mapping:
 *   - {current_type: singleLineText, target_type: string}
 *   - current_type: formula
 *     target_type: number
 *     condition: "{{ raw_schema['result']['type'] == 'number' }}"
 * }</pre>
 */
public record TypesMapSpec(
        @JsonProperty(value = "target_type", required = true) TargetType targetType,
        @JsonProperty(value = "current_type", required = true) CurrentType currentType,
        @JsonProperty("condition") @Nullable String condition) {

    public TypesMapSpec {
        requireNonNull(targetType, "target_type is required");
        requireNonNull(currentType, "current_type is required");
    }

    TypesMap build() {
        // The reference evaluates the condition without parameters; a missing condition is "True".
        InterpolatedBoolean test = condition == null ? InterpolatedBoolean.of(true)
                : InterpolatedBoolean.of(condition, Json.object());
        return new TypesMap(currentType.value(), targetType.build(), test);
    }

    /** {@code current_type}: a type name, or a list of them. */
    @KindUnion
    public sealed interface CurrentType permits CurrentType.Name, CurrentType.Names {

        /** The value an API type is compared with. */
        JsonNode value();

        record Name(String name) implements CurrentType {
            @Override
            public JsonNode value() {
                return Json.MAPPER.getNodeFactory().textNode(name);
            }
        }

        record Names(List<String> names) implements CurrentType {
            public Names {
                names = List.copyOf(names);
            }

            @Override
            public JsonNode value() {
                return Json.MAPPER.valueToTree(names);
            }
        }
    }

    /** {@code target_type}: an Airbyte type name, two of them ({@code oneOf}), or a {@code ComplexFieldType}. */
    @KindUnion
    public sealed interface TargetType permits TargetType.Name, TargetType.Names, TargetType.Complex {

        FieldType build();

        record Name(String name) implements TargetType {
            @Override
            public FieldType build() {
                return new FieldType.Declared(Json.MAPPER.getNodeFactory().textNode(name));
            }
        }

        record Names(List<String> names) implements TargetType {
            public Names {
                names = List.copyOf(names);
            }

            @Override
            public FieldType build() {
                return new FieldType.Declared(Json.MAPPER.valueToTree(names));
            }
        }

        record Complex(ComplexFieldTypeSpec complex) implements TargetType {
            @Override
            public FieldType build() {
                return complex.build();
            }
        }
    }
}

package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;

/**
 * Binds a normalised manifest to spec records with one configured {@link ObjectMapper}, and turns every
 * Jackson failure into a {@link ManifestException} with the YAML path and line.
 *
 * <p>Unknown keys are ignored here (parameters are propagated into every component, and
 * {@link ManifestValidator} reports the rest). Scalars are coerced as Jackson does by default (a number
 * where a string is declared becomes its text, {@code "5"} becomes 5), but a fractional number is not
 * an integer and {@code null} is not a primitive.
 */
public final class ManifestBinder {

    /** The mapper for spec records; validation checks leaf values with it, so both agree. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .addModule(KindUnions.module())
            .registerSubtypes(forwardSlotRecords())
            .build();

    private ManifestBinder() {
    }

    /** The records of every forward slot under their type names: Jackson finds a slot's records only so. */
    private static NamedType[] forwardSlotRecords() {
        return ForwardSlotTable.SLOTS.keySet().stream()
                .flatMap(forward -> ComponentShapes.slot(forward).subtypes().entrySet().stream())
                .map(entry -> new NamedType(entry.getValue(), entry.getKey()))
                .toArray(NamedType[]::new);
    }

    /** The whole manifest as {@code type} (the spec record of {@code DeclarativeSource}). */
    public static <T> T bind(ResolvedManifest manifest, Class<T> type) {
        return bind(manifest.manifest(), type, ManifestPath.root(), manifest.lines());
    }

    /**
     * One part of a manifest.
     *
     * @param node  the part, found at {@code path}
     * @param lines the line map of the manifest {@code node} belongs to
     * @throws ManifestException naming the path and line of the first value that does not bind
     */
    public static <T> T bind(JsonNode node, Class<T> type, ManifestPath path, LineMap lines) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw BindingFailures.translate(e, node, path, lines, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ManifestException(path.toString(), lines.lineOf(node), String.valueOf(e.getMessage()), e);
        }
    }

    /** Where each spec record inside {@code bound} (bound from the whole {@code manifest}) was declared. */
    public static SpecLocations locations(ResolvedManifest manifest, Object bound) {
        return SpecLocations.of(bound, manifest.manifest(), ManifestPath.root(), manifest.lines());
    }
}

package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.decoder.Decoder;
import dev.sluice.declarative.transform.RecordTransformation;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: RecordSelector} — decode, extract, filter and transform (or transform then filter), then
 * normalise to the schema.
 * <pre>{@code
 * record_selector:
 *   type: RecordSelector
 *   extractor: {type: DpathExtractor, field_path: ["data"]}
 *   record_filter: {condition: "{{ record.active }}"}
 * }</pre>
 */
@JsonTypeName("RecordSelector")
public record RecordSelectorSpec(
        @JsonProperty(value = "extractor", required = true) ExtractorSpec extractor,
        @JsonProperty("record_filter") @Nullable RecordFilterSlotSpec recordFilter,
        @JsonProperty("schema_normalization") @Nullable SchemaNormalizationSpec schemaNormalization,
        @JsonProperty("transform_before_filtering") @Nullable Boolean transformBeforeFiltering,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public RecordSelectorSpec {
        java.util.Objects.requireNonNull(extractor, "extractor is required");
    }

    /**
     * The selector for one stream.
     *
     * @param transformations the stream's transformations, applied inside the selector as the reference does
     * @param schema          the stream's schema, read only when normalisation is on
     * @param defaultTransformFirst whether transformations run before the filter unless the manifest says
     */
    public RecordSelector build(BuildContext context, Decoder decoder, List<RecordTransformation> transformations,
            Supplier<ObjectNode> schema, boolean defaultTransformFirst) {
        return new RecordSelector(decoder, extractor.build(context),
                recordFilter == null ? null : recordFilter.build(context), transformations,
                transformBeforeFiltering == null ? defaultTransformFirst : transformBeforeFiltering,
                schemaNormalization == null ? null : schemaNormalization.build(context, schema));
    }
}

package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.transform.DpathGlob;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: RecordExpander} — turns each extracted record into one record per element of the array at
 * {@code expand_records_from_field} (a dpath glob over config templates; {@code *} collects several arrays).
 * {@code remain_original_record} adds the parent as {@code original_record}; {@code on_no_records: emit_parent}
 * keeps a parent that has no elements.
 * <pre>{@code
 * extractor:
 *   type: DpathExtractor
 *   field_path: ["data", "object"]
 *   record_expander: {type: RecordExpander, expand_records_from_field: ["lines", "data"], remain_original_record: true}
 * }</pre>
 */
@JsonTypeName("RecordExpander")
public record RecordExpanderSpec(
        @JsonProperty(value = "expand_records_from_field", required = true) List<String> expandRecordsFromField,
        @JsonProperty("remain_original_record") @Nullable Boolean remainOriginalRecord,
        @JsonProperty("on_no_records") @Nullable OnNoRecords onNoRecords,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    /** What to do with a record whose arrays are missing or empty. */
    public enum OnNoRecords {
        @JsonProperty("skip") SKIP,
        @JsonProperty("emit_parent") EMIT_PARENT
    }

    public RecordExpanderSpec {
        expandRecordsFromField = List.copyOf(expandRecordsFromField);
    }

    RecordExpander build(BuildContext context) {
        JsonNode params = BuildContext.parameters(parameters);
        List<String> path = expandRecordsFromField.stream()
                .map(segment -> InterpolatedString.of(segment, params).evalString(context.interpolation())).toList();
        return new RecordExpander(DpathGlob.of(path), Boolean.TRUE.equals(remainOriginalRecord),
                onNoRecords == OnNoRecords.EMIT_PARENT);
    }
}

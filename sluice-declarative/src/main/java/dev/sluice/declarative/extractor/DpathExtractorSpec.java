package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: DpathExtractor} — the records at {@code field_path} of each decoded document: a list yields its
 * elements, a non-empty object yields itself, a missing path nothing; {@code *} matches every key or element
 * (each match is extracted). An optional {@code record_expander} turns each record into the elements of one of
 * its arrays.
 * <pre>{@code extractor: {type: DpathExtractor, field_path: ["data", "{{ parameters.name }}"]}}</pre>
 */
@JsonTypeName("DpathExtractor")
public record DpathExtractorSpec(
        @JsonProperty(value = "field_path", required = true) List<String> fieldPath,
        @JsonProperty("record_expander") @Nullable RecordExpanderSpec recordExpander,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters)
        implements ExtractorSpec, ValueExtractorSpec, DownloadExtractorSpec {

    public DpathExtractorSpec {
        fieldPath = List.copyOf(fieldPath);
    }

    @Override
    public RecordExtractor build(BuildContext context) {
        return new DpathExtractor(path(context), recordExpander == null ? null : recordExpander.build(context));
    }

    /** As a status or download-target extractor: every value at the path, records or not. */
    @Override
    public ValueExtractor buildValues(BuildContext context) {
        if (recordExpander != null) {
            throw new IllegalArgumentException("record_expander: a status or download target extractor reads "
                    + "values, which are not expanded");
        }
        return new DpathValues(path(context));
    }

    @Override
    public DownloadExtractor buildDownload(BuildContext context) {
        return DownloadExtractor.ofDocuments(build(context));
    }

    private List<String> path(BuildContext context) {
        // The path's templates only see config and parameters, so it is evaluated once.
        InterpolationContext interpolation = context.interpolation();
        JsonNode parameters = BuildContext.parameters(this.parameters);
        List<String> path = new ArrayList<>(fieldPath.size());
        for (String segment : fieldPath) {
            path.add(InterpolatedString.of(segment, parameters).evalString(interpolation));
        }
        return path;
    }
}

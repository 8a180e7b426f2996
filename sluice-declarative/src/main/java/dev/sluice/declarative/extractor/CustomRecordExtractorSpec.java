package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.custom.CustomComponents;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomRecordExtractor} — finds the records in each decoded response document. Its class, named by
 * {@code class_name} and loaded from the source's class loader, implements {@link RecordExtractor}; the component's
 * other fields and {@code $parameters} reach it through its {@link
 * dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code extractor: {type: CustomRecordExtractor, class_name: com.example.ElementsExtractor, key: elements}}</pre>
 */
@JsonTypeName("CustomRecordExtractor")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomRecordExtractorSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @JsonProperty(CustomComponents.OTHER_FIELDS)
        @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters)
        implements ExtractorSpec, ValueExtractorSpec, DownloadExtractorSpec {

    public CustomRecordExtractorSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public RecordExtractor build(BuildContext context) {
        return CustomComponents.create(RecordExtractor.class, "CustomRecordExtractor", this, className,
                fields, parameters, context);
    }

    /** As a status or download-target extractor: the records the class finds are the values. */
    @Override
    public ValueExtractor buildValues(BuildContext context) {
        RecordExtractor extractor = build(context);
        return (document, values) -> extractor.extract(document, values::accept);
    }

    @Override
    public DownloadExtractor buildDownload(BuildContext context) {
        return DownloadExtractor.ofDocuments(build(context));
    }
}

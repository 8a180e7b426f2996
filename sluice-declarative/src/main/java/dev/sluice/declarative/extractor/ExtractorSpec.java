package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What {@code RecordSelector.extractor} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(DpathExtractorSpec.class), @JsonSubTypes.Type(CustomRecordExtractorSpec.class)})
public sealed interface ExtractorSpec permits DpathExtractorSpec, CustomRecordExtractorSpec {

    RecordExtractor build(BuildContext context);
}

package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What {@code AsyncRetriever.status_extractor} and {@code download_target_extractor} admit. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(DpathExtractorSpec.class), @JsonSubTypes.Type(CustomRecordExtractorSpec.class)})
public sealed interface ValueExtractorSpec permits DpathExtractorSpec, CustomRecordExtractorSpec {

    ValueExtractor buildValues(BuildContext context);
}

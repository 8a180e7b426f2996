package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What {@code AsyncRetriever.download_extractor} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(DpathExtractorSpec.class), @JsonSubTypes.Type(CustomRecordExtractorSpec.class),
        @JsonSubTypes.Type(ResponseToFileExtractorSpec.class)})
public sealed interface DownloadExtractorSpec
        permits DpathExtractorSpec, CustomRecordExtractorSpec, ResponseToFileExtractorSpec {

    DownloadExtractor buildDownload(BuildContext context);
}

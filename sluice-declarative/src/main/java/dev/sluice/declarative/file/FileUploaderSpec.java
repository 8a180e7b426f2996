package dev.sluice.declarative.file;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.extractor.ValueExtractorSpec;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.requester.RequesterSpec;
import dev.sluice.source.FileStaging;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: FileUploader} — a stream's {@code file_uploader}: for each selected record, the first string
 * {@code download_target_extractor} finds in the record is the {@code {{ download_target }}} of one request, whose
 * body is the file, written to {@code <staging folder>/<stream>/<filename_extractor, or a random UUID>}.
 * <pre>{@code
 * file_uploader:
 *   type: FileUploader
 *   requester: {type: HttpRequester, url_base: "{{ download_target }}", path: ""}
 *   download_target_extractor: {type: DpathExtractor, field_path: [content_url]}
 *   filename_extractor: "{{ record.id }}/{{ record.file_name }}"
 * }</pre>
 * {@code file_extractor} is accepted and, as in the reference (whose {@code DefaultFileUploader} never reads it),
 * has no effect: the whole response body is the file.
 */
@JsonTypeName("FileUploader")
public record FileUploaderSpec(
        @JsonProperty(value = "requester", required = true) RequesterSpec requester,
        @JsonProperty(value = "download_target_extractor", required = true) ValueExtractorSpec downloadTargetExtractor,
        @JsonProperty("file_extractor") @Nullable ValueExtractorSpec fileExtractor,
        @JsonProperty("filename_extractor") @Nullable String filenameExtractor,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public FileUploaderSpec {
        Objects.requireNonNull(requester, "requester is required");
        Objects.requireNonNull(downloadTargetExtractor, "download_target_extractor is required");
    }

    /** The uploader of stream {@code streamName}, writing under the run's {@link FileStaging} folder. */
    public FileUploader build(BuildContext context, String streamName) {
        InterpolatedString filename = filenameExtractor == null || filenameExtractor.isEmpty() ? null
                : InterpolatedString.of(filenameExtractor, BuildContext.parameters(parameters));
        return new FileUploader(streamName, requester.build(context), downloadTargetExtractor.buildValues(context),
                filename, context.interpolation(), context.run().service(FileStaging.SERVICE).directory());
    }
}

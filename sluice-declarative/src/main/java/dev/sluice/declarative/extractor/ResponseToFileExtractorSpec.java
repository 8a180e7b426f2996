package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ResponseToFileExtractor} — for downloads too large for memory: the body (gzip or zlib compressed,
 * or plain) is streamed to a temporary file, whose CSV rows are then read back one at a time and the file deleted.
 * Cells are text; an empty cell is null, and so are pandas' missing-value words ({@code NA}, {@code N/A},
 * {@code null}, {@code NaN}, ...) unless {@code preserve_na_values} is true.
 * <pre>{@code download_extractor: {type: ResponseToFileExtractor, preserve_na_values: true}}</pre>
 */
@JsonTypeName("ResponseToFileExtractor")
public record ResponseToFileExtractorSpec(
        @JsonProperty("preserve_na_values") @Nullable Boolean preserveNaValues,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements DownloadExtractorSpec {

    @Override
    public DownloadExtractor buildDownload(BuildContext context) {
        return DownloadExtractor.toFile(new ResponseToFileExtractor(Boolean.TRUE.equals(preserveNaValues)));
    }
}

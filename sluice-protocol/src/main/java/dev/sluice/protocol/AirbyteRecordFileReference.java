package dev.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A RECORD's {@code file_reference} (the protocol's {@code AirbyteRecordMessageFileReference}): the file a
 * file-transfer stream wrote for the record. {@code {"staging_file_url": "/staging/files/docs/a.pdf",
 * "source_file_relative_path": "docs/a.pdf", "file_size_bytes": 1024}}.
 *
 * @param stagingFileUrl         where the file was written, absolute
 * @param sourceFileRelativePath the file's path under the staging folder ({@code <stream>/<file name>})
 * @param fileSizeBytes          its size; null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteRecordFileReference(
        @JsonProperty("staging_file_url") String stagingFileUrl,
        @JsonProperty("source_file_relative_path") String sourceFileRelativePath,
        @JsonProperty("file_size_bytes") @Nullable Long fileSizeBytes) {

    public AirbyteRecordFileReference {
        requireNonNull(stagingFileUrl, "stagingFileUrl is null");
        requireNonNull(sourceFileRelativePath, "sourceFileRelativePath is null");
    }
}

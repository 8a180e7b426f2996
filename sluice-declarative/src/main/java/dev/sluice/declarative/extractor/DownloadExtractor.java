package dev.sluice.declarative.extractor;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * How the records of a downloaded response are found: by an extractor over the documents the download decoder
 * made of the body (read whole), or — {@code ResponseToFileExtractor} — by streaming the body to a temporary file
 * and reading its CSV rows back one by one, so that no body is ever held in memory.
 */
public final class DownloadExtractor {

    private final @Nullable RecordExtractor documents;
    private final @Nullable ResponseToFileExtractor file;

    private DownloadExtractor(@Nullable RecordExtractor documents, @Nullable ResponseToFileExtractor file) {
        this.documents = documents;
        this.file = file;
    }

    public static DownloadExtractor ofDocuments(RecordExtractor extractor) {
        return new DownloadExtractor(requireNonNull(extractor, "extractor is null"), null);
    }

    public static DownloadExtractor toFile(ResponseToFileExtractor extractor) {
        return new DownloadExtractor(null, requireNonNull(extractor, "extractor is null"));
    }

    /** The extractor over decoded documents; null when the body goes to a file. */
    public @Nullable RecordExtractor documents() {
        return documents;
    }

    /** The file extractor; null when the body is decoded in memory. */
    public @Nullable ResponseToFileExtractor file() {
        return file;
    }
}

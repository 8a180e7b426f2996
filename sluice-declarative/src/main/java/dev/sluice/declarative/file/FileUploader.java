package dev.sluice.declarative.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.extractor.ValueExtractor;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.requester.HttpRequester;
import dev.sluice.protocol.AirbyteRecordFileReference;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the file of one record (the reference's {@code DefaultFileUploader.upload}). The body goes to disk as it
 * arrives, never whole in memory, unless the error handler reads successful bodies (then the executor holds it
 * anyway). Thread-safe: it keeps no state between records.
 */
public final class FileUploader {

    private static final Logger log = LoggerFactory.getLogger(FileUploader.class);

    private final String streamName;
    private final HttpRequester requester;
    private final ValueExtractor downloadTargets;
    private final @Nullable InterpolatedString filename;
    private final InterpolationContext interpolation;
    private final Path staging;

    FileUploader(String streamName, HttpRequester requester, ValueExtractor downloadTargets,
            @Nullable InterpolatedString filename, InterpolationContext interpolation, Path staging) {
        this.streamName = streamName;
        this.requester = requester;
        this.downloadTargets = downloadTargets;
        this.filename = filename;
        this.interpolation = interpolation;
        this.staging = staging;
    }

    /** Downloads {@code record}'s file into the staging folder and says where it is. */
    public AirbyteRecordFileReference upload(ObjectNode record) {
        String target = downloadTarget(record);
        Path relative = relativePath(record);
        Path file = staging.resolve(relative);
        ObjectNode extra = Json.object();
        extra.put("download_target", target);
        StreamSlice slice = new StreamSlice(Json.object(), Json.object(), extra);
        long size;
        try {
            Files.createDirectories(file.getParent());
            Optional<Long> written = requester.inspectsSuccessfulBodies()
                    ? requester.send(slice, null, RequestOptions.NONE, null, response -> write(response.body(), file))
                    : requester.stream(slice, null, RequestOptions.NONE, null, (head, body) -> copy(body, file));
            size = written.orElseThrow(() -> new ConnectorException(FailureType.SYSTEM_ERROR,
                    "The file of a record of stream " + streamName + " could not be downloaded",
                    "the error handler ignored the response to the download of " + target + " (stream " + streamName
                            + "): there is no file to write", null));
        } catch (IOException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "The file of a record of stream " + streamName
                    + " could not be written to " + file, "writing " + file + ": " + e, e);
        }
        log.info("File of stream {} written to {} ({} bytes)", streamName, file, size);
        return new AirbyteRecordFileReference(file.toString(), relative.toString(), size);
    }

    private String downloadTarget(ObjectNode record) {
        List<JsonNode> found = new ArrayList<>(1);
        downloadTargets.values(record, found::add);
        if (found.isEmpty()) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "No download target was found in a record of "
                    + "stream " + streamName, "file_uploader.download_target_extractor found nothing in a record of "
                    + "stream " + streamName, null);
        }
        JsonNode target = found.get(0);
        if (!target.isTextual()) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "The download target of a record of stream "
                    + streamName + " is not a string", "file_uploader.download_target_extractor: download_target is "
                    + "expected to be a string but was " + target.getNodeType(), null);
        }
        return target.textValue();
    }

    /** {@code <stream>/<file name>}: the rendered filename without leading slashes, or a random UUID. */
    private Path relativePath(ObjectNode record) {
        String name = filename == null ? UUID.randomUUID().toString()
                : filename.evalString(interpolation.with("record", record)).replaceFirst("^/+", "");
        Path relative = Path.of(streamName).resolve(name).normalize();
        if (name.isEmpty() || relative.isAbsolute() || !relative.startsWith(Path.of(streamName).normalize())) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "The file name of a record of stream " + streamName
                    + " leaves the stream's folder: " + name, "file_uploader.filename_extractor rendered '" + name
                    + "', which is empty or leaves " + streamName + "/", null);
        }
        return relative;
    }

    private static long copy(InputStream body, Path file) throws IOException {
        return Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static long write(byte[] body, Path file) {
        try {
            Files.write(file, body);
            return body.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.RecordException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ZipfileDecoder} — the body is a zip archive; each file in it, in archive order, is decoded with
 * {@code decoder}. A body that is not a zip archive is a {@code system_error}, as in the reference.
 * <pre>{@code decoder: {type: ZipfileDecoder, decoder: {type: JsonlDecoder}}}</pre>
 */
@JsonTypeName("ZipfileDecoder")
public record ZipfileDecoderSpec(
        @JsonProperty(value = "decoder", required = true) NestedDecoderSpec decoder,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements DecoderSpec {

    public ZipfileDecoderSpec {
        java.util.Objects.requireNonNull(decoder, "decoder is required");
    }

    @Override
    public Decoder build(BuildContext context) {
        BodyParser inner = decoder.parser(context);
        return response -> unzip(response.body(), Undecodable.source(response), inner);
    }

    private static List<JsonNode> unzip(byte[] body, String source, BodyParser inner) {
        List<JsonNode> documents = new ArrayList<>();
        long expanded = 0;
        boolean anyEntry = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                anyEntry = true;
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = GzipDecoderSpec.readAtMost(zip, source);
                expanded += content.length;
                if (expanded > Undecodable.MAX_EXPANDED_BYTES) {
                    throw Undecodable.tooLarge(source);
                }
                documents.addAll(inner.parse(content, "file " + entry.getName() + " of the zip file in " + source));
            }
        } catch (IOException e) {
            throw notZip(source, e);
        }
        // ZipInputStream reads anything that is not a zip as an archive without entries.
        boolean emptyArchive = body.length >= 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 5 && body[3] == 6;
        if (!anyEntry && !emptyArchive) {
            throw notZip(source, null);
        }
        return documents;
    }

    private static RecordException notZip(String source, @Nullable Throwable cause) {
        return new RecordException(FailureType.SYSTEM_ERROR, "Received an invalid zip file in " + source, cause);
    }
}

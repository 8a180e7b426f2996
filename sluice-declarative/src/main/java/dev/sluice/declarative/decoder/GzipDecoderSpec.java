package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: GzipDecoder} — gunzips the body, then decodes it with {@code decoder}. As in the reference, the
 * bytes are sniffed: a body that is not gzip is passed on as it is, and a body sent with
 * {@code Content-Encoding: gzip} may be gzip twice (transport encoding around a {@code .gz} file).
 * <pre>{@code decoder: {type: GzipDecoder, decoder: {type: CsvDecoder}}}</pre>
 */
@JsonTypeName("GzipDecoder")
public record GzipDecoderSpec(
        @JsonProperty(value = "decoder", required = true) NestedDecoderSpec decoder,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements DecoderSpec, NestedDecoderSpec {

    public GzipDecoderSpec {
        java.util.Objects.requireNonNull(decoder, "decoder is required");
    }

    @Override
    public Decoder build(BuildContext context) {
        BodyParser parser = parser(context);
        return response -> {
            String source = Undecodable.source(response);
            byte[] body = response.body();
            if (response.header("Content-Encoding").filter("gzip"::equals).isPresent()) {
                body = gunzipIfGzip(body, source);
            }
            return parser.parse(body, source);
        };
    }

    @Override
    public BodyParser parser(BuildContext context) {
        BodyParser inner = decoder.parser(context);
        return (body, source) -> inner.parse(gunzipIfGzip(body, source), source);
    }

    static byte[] gunzipIfGzip(byte[] body, String source) {
        if (body.length < 2 || body[0] != (byte) 0x1f || body[1] != (byte) 0x8b) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return readAtMost(in, source);
        } catch (IOException e) {
            throw Undecodable.error(source, "not valid gzip (" + e.getMessage() + ")", e);
        }
    }

    /** The whole stream, refusing more than {@link Undecodable#MAX_EXPANDED_BYTES} (a decompression bomb). */
    static byte[] readAtMost(InputStream in, String source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            total += read;
            if (total > Undecodable.MAX_EXPANDED_BYTES) {
                throw Undecodable.tooLarge(source);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}

package dev.sluice.kafka;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Text as {@code deflate:<base64 of its deflated UTF-8>}: how a long list of units goes into a task config. Lists of
 * partitions repeat their field names and most of their values, so they shrink ten to twenty times.
 */
final class Deflated {

    static final String PREFIX = "deflate:";

    private Deflated() {
    }

    static String encode(String text) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return PREFIX + Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    static boolean isDeflated(String text) {
        return text.startsWith(PREFIX);
    }

    /** @throws IllegalArgumentException for text that is not what {@link #encode} wrote */
    static String decode(String text) {
        if (!isDeflated(text)) {
            throw new IllegalArgumentException("not deflated text");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(Base64.getDecoder().decode(text.substring(PREFIX.length())));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int read = inflater.inflate(buffer);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated deflated text");
                }
                out.write(buffer, 0, read);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt deflated text: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}

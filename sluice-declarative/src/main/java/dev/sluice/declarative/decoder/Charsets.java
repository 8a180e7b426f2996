package dev.sluice.declarative.decoder;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Python codec names ({@code utf-8}, {@code latin-1}, {@code utf-8-sig}, {@code cp1252}...) as Java charsets. */
final class Charsets {

    private Charsets() {
    }

    /** @throws IllegalArgumentException for an encoding neither Python's usual names nor Java know */
    static Charset forName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (key) {
            case "utf", "utf8", "utf-8", "utf-8-sig", "u8":
                return StandardCharsets.UTF_8;
            case "latin-1", "latin1", "l1", "iso-8859-1", "iso8859-1":
                return StandardCharsets.ISO_8859_1;
            case "ascii", "us-ascii":
                return StandardCharsets.US_ASCII;
            default:
                try {
                    return Charset.forName(key.startsWith("cp") ? "windows-" + key.substring(2) : key);
                } catch (IllegalArgumentException e) {
                    try {
                        return Charset.forName(key);
                    } catch (IllegalArgumentException unknown) {
                        throw new IllegalArgumentException("unknown encoding '" + name + "'", unknown);
                    }
                }
        }
    }

    /** Strict decoding, as Python's codecs; {@code utf-8-sig} drops a leading byte order mark. */
    static String decode(byte[] body, Charset charset, String name, String source) {
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            boolean sig = name.toLowerCase(Locale.ROOT).replace('_', '-').equals("utf-8-sig");
            return sig && text.startsWith("\ufeff") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw Undecodable.error(source, "not valid " + name + " text", e);
        }
    }
}

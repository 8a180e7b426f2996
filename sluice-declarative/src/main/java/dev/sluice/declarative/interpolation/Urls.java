package dev.sluice.declarative.interpolation;

import java.nio.charset.StandardCharsets;

/** Python's {@code urllib.parse.quote} family: UTF-8 bytes, unreserved characters kept, the rest {@code %XX}. */
final class Urls {

    private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~";

    private Urls() {
    }

    static String quote(String text, String safe) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (UNRESERVED.indexOf(c) >= 0 || safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** {@code quote_plus}: spaces become {@code +}, and {@code /} is escaped too. */
    static String quotePlus(String text) {
        return quote(text, " ").replace(' ', '+');
    }
}

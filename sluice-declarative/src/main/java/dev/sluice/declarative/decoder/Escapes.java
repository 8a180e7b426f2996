package dev.sluice.declarative.decoder;

/** Python's {@code unicode_escape} decoding of a delimiter written with a backslash ({@code "\\t"} is a tab). */
final class Escapes {

    private Escapes() {
    }

    static String unescape(String text) {
        if (!text.startsWith("\\")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case '0' -> out.append('\0');
                case '\\' -> out.append('\\');
                case 'x', 'u' -> {
                    int digits = next == 'x' ? 2 : 4;
                    if (i + digits > text.length() - 1) {
                        throw new IllegalArgumentException("truncated escape in '" + text + "'");
                    }
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 1 + digits), 16));
                    i += digits;
                }
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }
}

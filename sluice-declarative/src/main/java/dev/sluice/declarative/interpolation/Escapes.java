package dev.sluice.declarative.interpolation;

/**
 * Python's backslash escapes, as Jinja applies them to string literals ({@code unicode-escape}) and as
 * {@code literal_eval} reads string literals: {@code \n \t \\ \' \"}, octal {@code \101}, {@code \x41},
 * {@code \u0041}, {@code \U00000041}, {@code \N{BULLET}} and line continuations; unknown escapes such as
 * {@code \d} keep their backslash (so regular expressions survive), and {@code \1} is octal, i.e. chr(1).
 */
final class Escapes {

    private Escapes() {
    }

    static String unescape(String body, boolean raw) {
        if (raw || body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c != '\\' || i >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(i++);
            switch (e) {
                case '\n': break;
                case '\\': out.append('\\'); break;
                case '\'': out.append('\''); break;
                case '"': out.append('"'); break;
                case 'a': out.append('\u0007'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'v': out.append('\u000b'); break;
                case 'x': i = hex(body, i, 2, out, "\\xXX"); break;
                case 'u': i = hex(body, i, 4, out, "\\uXXXX"); break;
                case 'U': i = hex(body, i, 8, out, "\\UXXXXXXXX"); break;
                case 'N': i = named(body, i, out); break;
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        int digits = 1;
                        while (digits < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                            value = value * 8 + (body.charAt(i++) - '0');
                            digits++;
                        }
                        out.appendCodePoint(value);
                    } else {
                        out.append('\\').append(e);
                    }
            }
        }
        return out.toString();
    }

    private static int hex(String body, int start, int digits, StringBuilder out, String name) {
        if (start + digits > body.length() || !body.substring(start, start + digits).matches("[0-9a-fA-F]+")) {
            throw PyErrors.syntax("(unicode error) 'unicodeescape' codec can't decode bytes: truncated " + name
                    + " escape");
        }
        long cp = Long.parseLong(body.substring(start, start + digits), 16);
        if (cp > Character.MAX_CODE_POINT) {
            throw PyErrors.syntax("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character");
        }
        out.appendCodePoint((int) cp);
        return start + digits;
    }

    private static int named(String body, int start, StringBuilder out) {
        int close = body.indexOf('}', start);
        if (start >= body.length() || body.charAt(start) != '{' || close < 0) {
            throw PyErrors.syntax("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape");
        }
        try {
            out.appendCodePoint(Character.codePointOf(body.substring(start + 1, close)));
        } catch (IllegalArgumentException e) {
            throw PyErrors.syntax("(unicode error) 'unicodeescape' codec can't decode bytes: unknown Unicode character name");
        }
        return close + 1;
    }
}

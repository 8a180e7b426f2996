package dev.sluice.declarative.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.memo.BoundedMemo;
import dev.sluice.protocol.Json;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference's snake-case keys: transliterate to ASCII, split into tokens (an upper-case run with its
 * lower-case tail, a lower-case run, a digit run, or a run of anything else, which becomes an empty token),
 * drop empty tokens between the first and the last, put an empty token before a leading number, join with
 * {@code _} and lower-case.
 *
 * <p>The reference transliterates with the {@code anyascii} tables; Sluice decomposes accents and maps the common
 * Latin letters that do not decompose. Other non-ASCII characters (CJK, Cyrillic...) separate words here, where
 * {@code anyascii} would romanise them.
 */
final class SnakeCase {

    private static final Pattern TOKEN = Pattern.compile("[A-Z]+[a-z]*|[a-z]+|\\d+|(?<other>[^a-zA-Z\\d]+)");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String[][] LETTERS = {
        {"ß", "ss"}, {"æ", "ae"}, {"Æ", "AE"}, {"ø", "o"}, {"Ø", "O"}, {"œ", "oe"}, {"Œ", "OE"}, {"đ", "d"},
        {"Đ", "D"}, {"ł", "l"}, {"Ł", "L"}, {"þ", "th"}, {"Þ", "Th"}, {"ð", "d"}, {"Ð", "D"}, {"ı", "i"},
    };

    /** Records repeat their keys, so each key is converted once (up to a bound, for records with unique keys). */
    private static final int CACHE_LIMIT = 8192;
    private static final BoundedMemo<String, String> CONVERTED = BoundedMemo.of(CACHE_LIMIT, SnakeCase::convert);

    private SnakeCase() {
    }

    static ObjectNode keys(ObjectNode record) {
        ObjectNode result = Json.object();
        Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            result.set(of(field.getKey()), value.isObject() ? keys((ObjectNode) value) : value);
        }
        return result;
    }

    static String of(String key) {
        return CONVERTED.get(key);
    }

    private static String convert(String key) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(ascii(key));
        while (matcher.find()) {
            tokens.add(matcher.group("other") == null ? matcher.group() : "");
        }
        if (tokens.size() >= 3) {
            List<String> kept = new ArrayList<>();
            kept.add(tokens.get(0));
            tokens.subList(1, tokens.size() - 1).stream().filter(token -> !token.isEmpty()).forEach(kept::add);
            kept.add(tokens.get(tokens.size() - 1));
            tokens = kept;
        }
        if (!tokens.isEmpty() && !tokens.get(0).isEmpty() && Character.isDigit(tokens.get(0).charAt(0))) {
            tokens.add(0, "");
        }
        return String.join("_", tokens).toLowerCase(Locale.ROOT);
    }

    static String ascii(String text) {
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            plain = text.charAt(i) < 128;
        }
        if (plain) {
            return text;
        }
        String result = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        for (String[] letter : LETTERS) {
            result = result.replace(letter[0], letter[1]);
        }
        return result;
    }
}

package dev.sluice.declarative.interpolation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Python indexes strings by code point, Java by UTF-16 unit. The two agree unless the text holds characters
 * outside the Basic Multilingual Plane (emoji), which these helpers handle.
 */
final class PyStrings {

    private PyStrings() {
    }

    static boolean isBmp(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static int length(String text) {
        return isBmp(text) ? text.length() : text.codePointCount(0, text.length());
    }

    static List<Object> characters(String text) {
        List<Object> characters = new ArrayList<>(text.length());
        text.codePoints().forEach(cp -> characters.add(new String(Character.toChars(cp))));
        return characters;
    }

    /** The character at a Python index, or {@code null} when out of range. */
    static @Nullable String charAt(String text, long index) {
        if (isBmp(text)) {
            long i = index < 0 ? index + text.length() : index;
            return i < 0 || i >= text.length() ? null : String.valueOf(text.charAt((int) i));
        }
        int[] codePoints = text.codePoints().toArray();
        long i = index < 0 ? index + codePoints.length : index;
        if (i < 0 || i >= codePoints.length) {
            return null;
        }
        return new String(Character.toChars(codePoints[(int) i]));
    }

    static String slice(String text, List<Integer> indexes) {
        int[] codePoints = text.codePoints().toArray();
        StringBuilder out = new StringBuilder(indexes.size());
        for (int index : indexes) {
            out.appendCodePoint(codePoints[index]);
        }
        return out.toString();
    }

    /** Python's {@code str * n}. */
    static String repeat(String text, long times) {
        if (times <= 0 || text.isEmpty()) {
            return "";
        }
        if (times > Limits.MAX_STRING_LENGTH / text.length()) {
            Limits.checkString(Long.MAX_VALUE);
        }
        return text.repeat((int) times);
    }

    static String concat(String left, String right) {
        Limits.checkString((long) left.length() + right.length());
        return left.concat(right);
    }
}

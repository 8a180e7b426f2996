package dev.sluice.declarative.transform;

import org.jspecify.annotations.Nullable;

/** Python's {@code int(text)} for the texts dpath compares with list indexes; null when Python would raise. */
final class PythonInt {

    private PythonInt() {
    }

    static @Nullable Long parse(String text) {
        String s = text.strip();
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (start == s.length() || s.length() > 19) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != '_' || i == start || i == s.length() - 1 || s.charAt(i - 1) == '_') {
                // Underscores may only separate digits ("1_000").
                return null;
            }
        }
        long value = Long.parseLong(digits.toString());
        return s.startsWith("-") ? -value : value;
    }
}

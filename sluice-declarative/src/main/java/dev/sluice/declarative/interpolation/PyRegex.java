package dev.sluice.declarative.interpolation;

import dev.sluice.memo.BoundedMemo;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Python {@code re} patterns on {@code java.util.regex}: {@code (?P<name>)} and {@code (?P=name)} are rewritten
 * (group names may hold underscores), {@code \Z} becomes {@code \z}, a {@code {} that starts no quantifier is
 * literal, {@code [} inside a class is literal, and {@code \d \w \s} are Unicode-aware as in Python 3. Input is read
 * through a step budget so that a backtracking pattern on hostile data fails instead of hanging.
 */
final class PyRegex {

    private static final int CACHE_LIMIT = 500;
    private static final BoundedMemo<String, PyRegex> COMPILED = BoundedMemo.of(CACHE_LIMIT, PyRegex::translateAndCompile);
    private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d*)(,\\d*)?\\}");

    final Pattern pattern;
    final Map<String, Integer> groupNumbers;

    private PyRegex(Pattern pattern, Map<String, Integer> groupNumbers) {
        this.pattern = pattern;
        this.groupNumbers = groupNumbers;
    }

    static PyRegex compile(String source) {
        return COMPILED.get(source);
    }

    private static PyRegex translateAndCompile(String source) {
        Map<String, Integer> names = new HashMap<>();
        String translated = translate(source, names);
        try {
            return new PyRegex(Pattern.compile(translated, Pattern.UNICODE_CHARACTER_CLASS), Map.copyOf(names));
        } catch (PatternSyntaxException e) {
            throw PyErrors.valueError("re.error: " + e.getDescription() + " in pattern " + PyText.repr(source));
        }
    }

    Matcher matcher(String input) {
        return pattern.matcher(new BudgetedText(input));
    }

    private static String translate(String source, Map<String, Integer> names) {
        StringBuilder out = new StringBuilder(source.length() + 8);
        boolean inClass = false;
        int group = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                char next = source.charAt(++i);
                out.append(next == 'Z' && !inClass ? "\\z" : "\\" + next);
                continue;
            }
            if (inClass) {
                if (c == ']' && !classJustOpened(out)) {
                    inClass = false;
                    out.append(c);
                } else if (c == '[' || c == '&' && i + 1 < source.length() && source.charAt(i + 1) == '&') {
                    out.append('\\').append(c);
                } else {
                    out.append(c);
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < source.length() && source.charAt(i + 1) == '^') {
                    out.append(source.charAt(++i));
                }
                continue;
            }
            if (c == '(') {
                if (source.startsWith("(?P<", i)) {
                    int close = source.indexOf('>', i);
                    if (close < 0) {
                        throw PyErrors.valueError("re.error: missing >, unterminated name in pattern " + PyText.repr(source));
                    }
                    group++;
                    names.put(source.substring(i + 4, close), group);
                    out.append('(');
                    i = close;
                    continue;
                }
                if (source.startsWith("(?P=", i)) {
                    int close = source.indexOf(')', i);
                    @Nullable Integer number = close < 0 ? null : names.get(source.substring(i + 4, close));
                    if (number == null) {
                        throw PyErrors.valueError("re.error: unknown group name in pattern " + PyText.repr(source));
                    }
                    out.append("(?:\\").append(number).append(')');
                    i = close;
                    continue;
                }
                if (!source.startsWith("(?", i)) {
                    group++;
                }
            }
            if (c == '{') {
                Matcher quantifier = QUANTIFIER.matcher(source).region(i, source.length());
                if (!quantifier.lookingAt() || quantifier.group(1).isEmpty() && quantifier.group(2) == null) {
                    out.append("\\{");
                    continue;
                }
                if (quantifier.group(1).isEmpty()) {
                    out.append("{0").append(quantifier.group(2)).append('}');
                    i = quantifier.end() - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code []]} and {@code [^]]}: a {@code ]} right after the opening bracket is a literal. */
    private static boolean classJustOpened(StringBuilder out) {
        int length = out.length();
        return out.charAt(length - 1) == '[' && (length < 2 || out.charAt(length - 2) != '\\')
                || out.charAt(length - 1) == '^' && length >= 2 && out.charAt(length - 2) == '[';
    }

    /** Counts character reads; catastrophic backtracking exhausts the budget and fails the evaluation. */
    private static final class BudgetedText implements CharSequence {
        private final String text;
        private final long[] remaining;

        BudgetedText(String text) {
            this(text, new long[] {Math.max(Limits.REGEX_MIN_STEPS, Limits.REGEX_STEPS_PER_CHAR * text.length())});
        }

        private BudgetedText(String text, long[] remaining) {
            this.text = text;
            this.remaining = remaining;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--remaining[0] < 0) {
                throw PyErrors.limit("the regular expression took too many steps (catastrophic backtracking?)");
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), remaining);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}

package dev.sluice.declarative.interpolation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Python {@code str} methods on the allow-list, with Python's edge cases (empty separators, negative bounds). */
final class StrMethods {

    private static final String LINE_BREAKS = "\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029";

    private StrMethods() {
    }

    static Object call(String self, String name, Args args) {
        switch (name) {
            case "format": return StrFormat.format(self, args.positional(), args.keywords());
            case "join": return join(self, args.bind("join", 1, "iterable")[0]);
            case "split": return split(self, args.bind("split", 0, "sep", "maxsplit"), false);
            case "rsplit": return split(self, args.bind("rsplit", 0, "sep", "maxsplit"), true);
            case "splitlines": return splitLines(self, args.bind("splitlines", 0, "keepends")[0]);
            case "replace": return replace(self, args.bind("replace", 2, "old", "new", "count"));
            case "strip": return strip(self, args.bind("strip", 0, "chars")[0], true, true);
            case "lstrip": return strip(self, args.bind("lstrip", 0, "chars")[0], true, false);
            case "rstrip": return strip(self, args.bind("rstrip", 0, "chars")[0], false, true);
            case "startswith": return affix(self, args.bind("startswith", 1, "prefix", "start", "end"), true);
            case "endswith": return affix(self, args.bind("endswith", 1, "suffix", "start", "end"), false);
            case "find": return (long) find(self, args.bind("find", 1, "sub", "start", "end"), false);
            case "rfind": return (long) find(self, args.bind("rfind", 1, "sub", "start", "end"), true);
            case "index":
            case "rindex": {
                int at = find(self, args.bind(name, 1, "sub", "start", "end"), name.equals("rindex"));
                if (at < 0) {
                    throw PyErrors.valueError("substring not found");
                }
                return (long) at;
            }
            case "count": return count(self, args.bind("count", 1, "sub", "start", "end"));
            case "upper": noArgs(name, args); return self.toUpperCase(Locale.ROOT);
            case "lower": noArgs(name, args); return self.toLowerCase(Locale.ROOT);
            case "casefold": noArgs(name, args); return self.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            case "swapcase": noArgs(name, args); return swapCase(self);
            case "title": noArgs(name, args); return title(self);
            case "capitalize": noArgs(name, args); return capitalize(self);
            case "center":
            case "ljust":
            case "rjust": return pad(self, name, args.bind(name, 1, "width", "fillchar"));
            case "zfill": return zfill(self, Py.toLong(args.bind("zfill", 1, "width")[0]));
            case "partition":
            case "rpartition": return partition(self, string(args.bind(name, 1, "sep")[0]), name.equals("rpartition"));
            case "removeprefix": {
                String prefix = string(args.bind(name, 1, "prefix")[0]);
                return self.startsWith(prefix) ? self.substring(prefix.length()) : self;
            }
            case "removesuffix": {
                String suffix = string(args.bind(name, 1, "suffix")[0]);
                return self.endsWith(suffix) && !suffix.isEmpty() ? self.substring(0, self.length() - suffix.length()) : self;
            }
            default:
                noArgs(name, args);
                return classify(self, name);
        }
    }

    private static void noArgs(String name, Args args) {
        args.bind(name, 0);
    }

    static String string(Object value) {
        if (!(value instanceof String)) {
            throw PyErrors.typeError("must be str, not " + Py.typeName(value));
        }
        return (String) value;
    }

    static String join(String separator, Object iterable) {
        StringBuilder out = new StringBuilder();
        List<Object> items = Py.iterate(iterable);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String)) {
                throw PyErrors.typeError("sequence item " + i + ": expected str instance, " + Py.typeName(item) + " found");
            }
            if (i > 0) {
                out.append(separator);
            }
            out.append((String) item);
            Limits.checkString(out.length());
        }
        return out.toString();
    }

    private static Object split(String self, @Nullable Object[] bound, boolean fromRight) {
        Object sep = bound[0] == null ? PyNone.NONE : bound[0];
        long maxSplit = bound[1] == null ? -1 : Py.toLong(bound[1]);
        List<Object> parts = sep == PyNone.NONE ? splitWhitespace(self, maxSplit, fromRight)
                : splitOn(self, string(sep), maxSplit, fromRight);
        return PyList.list(parts);
    }

    private static List<Object> splitOn(String self, String sep, long maxSplit, boolean fromRight) {
        if (sep.isEmpty()) {
            throw PyErrors.valueError("empty separator");
        }
        List<Object> parts = new ArrayList<>();
        if (!fromRight) {
            int start = 0;
            int at;
            while ((maxSplit < 0 || parts.size() < maxSplit) && (at = self.indexOf(sep, start)) >= 0) {
                parts.add(self.substring(start, at));
                start = at + sep.length();
            }
            parts.add(self.substring(start));
            return parts;
        }
        int end = self.length();
        int at;
        while ((maxSplit < 0 || parts.size() < maxSplit) && end >= sep.length()
                && (at = self.lastIndexOf(sep, end - sep.length())) >= 0) {
            parts.add(self.substring(at + sep.length(), end));
            end = at;
        }
        parts.add(self.substring(0, end));
        Collections.reverse(parts);
        return parts;
    }

    private static List<Object> splitWhitespace(String self, long maxSplit, boolean fromRight) {
        List<Object> parts = new ArrayList<>();
        String text = fromRight ? new StringBuilder(self).reverse().toString() : self;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (maxSplit >= 0 && parts.size() == maxSplit) {
                int end = n;
                while (end > i && isSpace(text.charAt(end - 1))) {
                    end--;
                }
                parts.add(text.substring(i, end));
                break;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            parts.add(text.substring(start, i));
        }
        if (fromRight) {
            Collections.reverse(parts);
            parts.replaceAll(part -> new StringBuilder((String) part).reverse().toString());
        }
        return parts;
    }

    /** Python's {@code str.isspace()} for one character. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u001c' || c == '\u001d'
                || c == '\u001e' || c == '\u001f' || c == '\u0085';
    }

    private static Object splitLines(String self, @Nullable Object keepEnds) {
        boolean keep = keepEnds != null && Py.truthy(keepEnds);
        List<Object> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < self.length()) {
            char c = self.charAt(i);
            if (LINE_BREAKS.indexOf(c) < 0) {
                i++;
                continue;
            }
            int end = i;
            i += c == '\r' && i + 1 < self.length() && self.charAt(i + 1) == '\n' ? 2 : 1;
            lines.add(self.substring(start, keep ? i : end));
            start = i;
        }
        if (start < self.length()) {
            lines.add(self.substring(start));
        }
        return PyList.list(lines);
    }

    private static String replace(String self, @Nullable Object[] bound) {
        String old = string(bound[0]);
        String replacement = string(bound[1]);
        long count = bound[2] == null ? -1 : Py.toLong(bound[2]);
        StringBuilder out = new StringBuilder();
        int done = 0;
        if (old.isEmpty()) {
            for (int i = 0; i <= self.length(); i++) {
                if (count < 0 || done < count) {
                    out.append(replacement);
                    done++;
                }
                if (i < self.length()) {
                    out.append(self.charAt(i));
                }
                Limits.checkString(out.length());
            }
            return out.toString();
        }
        int start = 0;
        int at;
        while ((count < 0 || done < count) && (at = self.indexOf(old, start)) >= 0) {
            out.append(self, start, at).append(replacement);
            Limits.checkString(out.length());
            start = at + old.length();
            done++;
        }
        return out.append(self, start, self.length()).toString();
    }

    static String strip(String self, @Nullable Object chars, boolean left, boolean right) {
        @Nullable String set = chars == null || chars == PyNone.NONE ? null : string(chars);
        int start = 0;
        int end = self.length();
        while (left && start < end && (set == null ? isSpace(self.charAt(start)) : set.indexOf(self.charAt(start)) >= 0)) {
            start++;
        }
        while (right && end > start && (set == null ? isSpace(self.charAt(end - 1)) : set.indexOf(self.charAt(end - 1)) >= 0)) {
            end--;
        }
        return self.substring(start, end);
    }

    private static int[] range(String self, @Nullable Object start, @Nullable Object end) {
        int length = self.length();
        int from = bound(start, length, 0);
        int to = bound(end, length, length);
        return new int[] {from, to};
    }

    private static int bound(@Nullable Object value, int length, int absent) {
        if (value == null || value == PyNone.NONE) {
            return absent;
        }
        long index = Py.toLong(value);
        if (index < 0) {
            index = Math.max(0, index + length);
        }
        return (int) Math.min(index, length);
    }

    private static boolean affix(String self, @Nullable Object[] bound, boolean prefix) {
        int[] range = range(self, bound[1], bound[2]);
        List<Object> candidates = bound[0] instanceof PySequence && ((PySequence) bound[0]).isTuple()
                ? ((PySequence) bound[0]).asList() : List.of(bound[0]);
        for (Object candidate : candidates) {
            String text = string(candidate);
            if (range[0] > self.length() || range[1] - range[0] < text.length()) {
                continue;
            }
            boolean matches = prefix ? self.startsWith(text, range[0]) : self.startsWith(text, range[1] - text.length());
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static int find(String self, @Nullable Object[] bound, boolean last) {
        String sub = string(bound[0]);
        int[] range = range(self, bound[1], bound[2]);
        if (range[1] - range[0] < sub.length()) {
            return -1;
        }
        String window = self.substring(range[0], range[1]);
        int at = last ? window.lastIndexOf(sub) : window.indexOf(sub);
        return at < 0 ? -1 : at + range[0];
    }

    private static long count(String self, @Nullable Object[] bound) {
        String sub = string(bound[0]);
        int[] range = range(self, bound[1], bound[2]);
        if (range[1] < range[0]) {
            return 0;
        }
        String window = self.substring(range[0], range[1]);
        if (sub.isEmpty()) {
            return window.length() + 1L;
        }
        long n = 0;
        for (int at = window.indexOf(sub); at >= 0; at = window.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    private static String swapCase(String self) {
        StringBuilder out = new StringBuilder(self.length());
        self.codePoints().forEach(cp -> out.appendCodePoint(Character.isUpperCase(cp) ? Character.toLowerCase(cp)
                : Character.isLowerCase(cp) ? Character.toUpperCase(cp) : cp));
        return out.toString();
    }

    /** Python's title(): a cased character after an uncased one starts a word ({@code they'Re}). */
    static String title(String self) {
        StringBuilder out = new StringBuilder(self.length());
        boolean previousCased = false;
        for (int i = 0; i < self.length(); ) {
            int cp = self.codePointAt(i);
            i += Character.charCount(cp);
            out.appendCodePoint(previousCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
            previousCased = Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
        }
        return out.toString();
    }

    static String capitalize(String self) {
        if (self.isEmpty()) {
            return self;
        }
        int first = self.codePointAt(0);
        return new String(Character.toChars(Character.toTitleCase(first)))
                + self.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
    }

    static String pad(String self, String how, @Nullable Object[] bound) {
        long width = Py.toLong(bound[0]);
        String fill = bound[1] == null ? " " : string(bound[1]);
        if (PyStrings.length(fill) != 1) {
            throw PyErrors.typeError("The fill character must be exactly one character long");
        }
        long margin = width - PyStrings.length(self);
        if (margin <= 0) {
            return self;
        }
        Limits.checkString(width);
        switch (how) {
            case "ljust":
                return self + fill.repeat((int) margin);
            case "rjust":
                return fill.repeat((int) margin) + self;
            default: {
                long left = margin / 2 + (margin & width & 1);
                return fill.repeat((int) left) + self + fill.repeat((int) (margin - left));
            }
        }
    }

    private static String zfill(String self, long width) {
        long margin = width - self.length();
        if (margin <= 0) {
            return self;
        }
        Limits.checkString(width);
        boolean signed = !self.isEmpty() && (self.charAt(0) == '-' || self.charAt(0) == '+');
        String zeros = "0".repeat((int) margin);
        return signed ? self.charAt(0) + zeros + self.substring(1) : zeros + self;
    }

    private static Object partition(String self, String sep, boolean fromRight) {
        if (sep.isEmpty()) {
            throw PyErrors.valueError("empty separator");
        }
        int at = fromRight ? self.lastIndexOf(sep) : self.indexOf(sep);
        if (at < 0) {
            return fromRight ? PyList.tuple("", "", self) : PyList.tuple(self, "", "");
        }
        return PyList.tuple(self.substring(0, at), sep, self.substring(at + sep.length()));
    }

    private static boolean classify(String self, String name) {
        if (name.equals("isascii")) {
            return self.chars().allMatch(c -> c < 128);
        }
        if (self.isEmpty()) {
            return false;
        }
        switch (name) {
            case "islower":
                return self.codePoints().anyMatch(Character::isLowerCase)
                        && self.codePoints().noneMatch(cp -> Character.isUpperCase(cp) || Character.isTitleCase(cp));
            case "isupper":
                return self.codePoints().anyMatch(Character::isUpperCase)
                        && self.codePoints().noneMatch(cp -> Character.isLowerCase(cp) || Character.isTitleCase(cp));
            case "istitle":
                return title(self).equals(self) && self.codePoints().anyMatch(Character::isLetter);
            case "isspace":
                return self.chars().allMatch(c -> isSpace((char) c));
            case "isalpha":
                return self.codePoints().allMatch(Character::isLetter);
            case "isalnum":
                return self.codePoints().allMatch(Character::isLetterOrDigit);
            case "isnumeric":
                return self.codePoints().allMatch(cp -> Character.isDigit(cp) || Character.getNumericValue(cp) >= 0
                        && !Character.isLetter(cp));
            default:
                return self.codePoints().allMatch(Character::isDigit);
        }
    }
}

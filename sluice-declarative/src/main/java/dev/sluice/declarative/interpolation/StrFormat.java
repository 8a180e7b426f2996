package dev.sluice.declarative.interpolation;

import java.util.List;
import java.util.Map;

/**
 * Python's {@code str.format}: {@code {}}, {@code {0}}, {@code {name}}, {@code .attr}/{@code [key]} lookups
 * (through the same sandboxed attribute rules as templates), {@code !s}/{@code !r} and format specs, with one level
 * of nested fields inside specs.
 */
final class StrFormat {

    private final List<Object> positional;
    private final Map<String, Object> keywords;
    private int autoIndex;
    private boolean manual;

    private StrFormat(List<Object> positional, Map<String, Object> keywords) {
        this.positional = positional;
        this.keywords = keywords;
    }

    static String format(String template, List<Object> positional, Map<String, Object> keywords) {
        return new StrFormat(positional, keywords).render(template, 0);
    }

    private String render(String template, int depth) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw PyErrors.valueError("Single '}' encountered in format string");
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
                continue;
            }
            int end = closingBrace(template, i);
            out.append(field(template.substring(i + 1, end), depth));
            Limits.checkString(out.length());
            i = end + 1;
        }
        return out.toString();
    }

    private static int closingBrace(String template, int open) {
        int level = 0;
        for (int i = open; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                level++;
            } else if (c == '}' && --level == 0) {
                return i;
            }
        }
        throw PyErrors.valueError("expected '}' before end of string");
    }

    private String field(String field, int depth) {
        int colon = indexOutsideBrackets(field, ':');
        String spec = colon < 0 ? "" : field.substring(colon + 1);
        String head = colon < 0 ? field : field.substring(0, colon);
        char conversion = 0;
        int bang = indexOutsideBrackets(head, '!');
        if (bang >= 0) {
            String conv = head.substring(bang + 1);
            if (conv.length() != 1 || "sra".indexOf(conv.charAt(0)) < 0) {
                throw PyErrors.valueError("Unknown conversion specifier " + conv);
            }
            conversion = conv.charAt(0);
            head = head.substring(0, bang);
        }
        if (spec.contains("{")) {
            if (depth > 0) {
                throw PyErrors.valueError("Max string recursion exceeded");
            }
            spec = render(spec, depth + 1);
        }
        Object value = lookup(head);
        if (conversion == 's') {
            value = PyText.str(value);
        } else if (conversion == 'r' || conversion == 'a') {
            value = PyText.repr(value);
        }
        return FormatSpec.format(value, spec);
    }

    private static int indexOutsideBrackets(String text, char wanted) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == wanted && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private Object lookup(String head) {
        int end = 0;
        while (end < head.length() && head.charAt(end) != '.' && head.charAt(end) != '[') {
            end++;
        }
        String first = head.substring(0, end);
        Object value;
        if (first.isEmpty()) {
            if (manual) {
                throw PyErrors.valueError("cannot switch from manual field specification to automatic field numbering");
            }
            value = positionalAt(autoIndex++);
        } else if (PyNumbers.isIndex(first)) {
            if (autoIndex > 0) {
                throw PyErrors.valueError("cannot switch from automatic field numbering to manual field specification");
            }
            manual = true;
            value = positionalAt(Integer.parseInt(first));
        } else {
            Object found = keywords.get(first);
            if (found == null) {
                throw PyErrors.valueError("KeyError: " + PyText.repr(first));
            }
            value = found;
        }
        int i = end;
        while (i < head.length()) {
            if (head.charAt(i) == '.') {
                int next = i + 1;
                while (next < head.length() && head.charAt(next) != '.' && head.charAt(next) != '[') {
                    next++;
                }
                value = Attributes.attribute(value, head.substring(i + 1, next));
                i = next;
            } else {
                int close = head.indexOf(']', i);
                if (close < 0) {
                    throw PyErrors.valueError("Missing ']' in format string");
                }
                String key = head.substring(i + 1, close);
                Object item = PyNumbers.isIndex(key) ? (Object) Long.parseLong(key) : key;
                value = Attributes.item(value, item);
                i = close + 1;
            }
            if (value instanceof Undefined) {
                throw ((Undefined) value).error();
            }
        }
        return value;
    }

    private Object positionalAt(int index) {
        if (index >= positional.size()) {
            throw PyErrors.valueError("Replacement index " + index + " out of range for positional args tuple");
        }
        return positional.get(index);
    }
}

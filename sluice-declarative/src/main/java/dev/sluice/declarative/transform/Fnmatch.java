package dev.sluice.declarative.transform;

/** Python's {@code fnmatch.translate}: a shell pattern ({@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}) as a regex. */
final class Fnmatch {

    private Fnmatch() {
    }

    static String translate(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                while (i < n && pattern.charAt(i) == '*') {
                    i++;
                }
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    // No closing bracket: the bracket is a literal character.
                    regex.append("\\[");
                } else {
                    regex.append(characterClass(pattern.substring(i, j)));
                    i = j + 1;
                }
            } else {
                regex.append(quote(c));
            }
        }
        return regex.toString();
    }

    private static String characterClass(String body) {
        boolean negated = body.startsWith("!");
        String members = negated ? body.substring(1) : body;
        if (members.isEmpty()) {
            // "[]" and "[!]" match nothing and anything in Python's translation.
            return negated ? "." : "(?!)";
        }
        StringBuilder out = new StringBuilder(negated ? "[^" : "[");
        for (int k = 0; k < members.length(); k++) {
            char c = members.charAt(k);
            boolean range = c == '-' && k > 0 && k < members.length() - 1;
            out.append(range ? "-" : c == '\\' || c == '[' || c == ']' || c == '^' || c == '&' || c == '-'
                    ? "\\" + c : String.valueOf(c));
        }
        return out.append(']').toString();
    }

    private static String quote(char c) {
        return Character.isLetterOrDigit(c) || c == '_' ? String.valueOf(c) : "\\Q" + c + "\\E";
    }
}

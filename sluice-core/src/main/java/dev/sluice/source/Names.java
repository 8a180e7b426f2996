package dev.sluice.source;

/** Name conversions shared by streams and schemas. */
public final class Names {

    private Names() {
    }

    /**
     * {@code EmployeeBenefits} → {@code employee_benefits}, {@code HTTPStatus} → {@code http_status}: an
     * underscore before an upper-case letter that follows a lower-case letter or digit, or that starts a
     * new word after an acronym.
     */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1))
                        || Character.isDigit(name.charAt(i - 1)));
                boolean acronymEnd = i > 0 && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || acronymEnd) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

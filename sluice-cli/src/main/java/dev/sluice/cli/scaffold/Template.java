package dev.sluice.cli.scaffold;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one template file. {@code %%key%%} is replaced by the key's value; nothing else is special, so
 * Maven's {@code ${...}} and a manifest's {@code {{ ... }}} pass through untouched.
 */
record Template(String name, String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("%%([a-z_]+)%%");

    Template {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
    }

    /** The text with every placeholder filled; a key without a value is a bug of the templates. */
    String render(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "The template " + name
                        + " uses the unknown placeholder " + matcher.group());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}

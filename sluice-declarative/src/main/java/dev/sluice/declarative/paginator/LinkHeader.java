package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;

/**
 * Parses an RFC 8288 Link header the way Python's {@code requests} exposes it: a mapping from each link's
 * {@code rel} (or URL when it has none) to {@code {"url": ..., "rel": ..., <other params>}}.
 */
final class LinkHeader {

    private LinkHeader() {
    }

    static ObjectNode parse(String header) {
        ObjectNode links = Json.object();
        for (String part : splitLinks(header)) {
            String link = part.strip();
            int open = link.indexOf('<');
            int close = link.indexOf('>');
            if (open < 0 || close < open) {
                continue;
            }
            ObjectNode entry = Json.object();
            entry.put("url", link.substring(open + 1, close).strip());
            for (String parameter : link.substring(close + 1).split(";")) {
                int eq = parameter.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = parameter.substring(0, eq).strip();
                String value = parameter.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!key.isEmpty()) {
                    entry.put(key, value);
                }
            }
            String key = entry.hasNonNull("rel") ? entry.get("rel").asText() : entry.get("url").asText();
            links.set(key, entry);
        }
        return links;
    }

    /** Splits at commas that separate links, not commas inside a URL. */
    private static java.util.List<String> splitLinks(String header) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                depth++;
            } else if (c == '>' && !quoted) {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0 && !quoted) {
                parts.add(header.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(header.substring(start));
        return parts;
    }
}

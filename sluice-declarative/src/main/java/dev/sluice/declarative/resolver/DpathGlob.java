package dev.sluice.declarative.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The three {@code dpath} operations the reference's resolvers use, on Jackson trees. A glob is a list of
 * segments, each an {@code fnmatch} pattern matched against a key (or a list index as text); one segment may be
 * {@code **}, which stands for any number of segments (none included). A glob matches a path of the same length
 * only, and every node of the tree has a path — containers too, not just leaves.
 */
final class DpathGlob {

    private static final String STAR_STAR = "**";

    private DpathGlob() {
    }

    /**
     * {@code dpath.set}: writes {@code value} at every existing path the glob matches (shallower paths first, each
     * level's keys in order; a path the writes removed is skipped). Returns how many were written.
     */
    static int set(ObjectNode root, List<String> glob, JsonNode value) {
        List<Pattern> patterns = compile(glob);
        int changed = 0;
        for (List<String> path : paths(root)) {
            if (matches(path, glob, patterns) && exists(root, path)) {
                write(root, path, value.deepCopy());
                changed++;
            }
        }
        return changed;
    }

    /**
     * {@code dpath.get} with a default: the one node the glob matches, or {@code fallback} when none does.
     *
     * @throws ConnectorException when it matches more than one
     */
    static JsonNode get(JsonNode root, List<String> glob, JsonNode fallback) {
        List<Pattern> patterns = compile(glob);
        JsonNode found = null;
        for (List<String> path : paths(root)) {
            if (matches(path, glob, patterns)) {
                if (found != null) {
                    throw new ConnectorException(FailureType.SYSTEM_ERROR,
                            "dpath.get() globs must match only one leaf: " + glob);
                }
                found = at(root, path);
            }
        }
        return found == null ? fallback : found;
    }

    /**
     * {@code dpath.new}: writes {@code value} at {@code path} taken literally, creating what is missing on the way
     * (a list when the next segment is a number, a mapping otherwise; lists are padded with nulls).
     *
     * @throws ConnectorException when the path runs through a value that is not a container
     */
    static void create(ObjectNode root, List<String> path, JsonNode value) {
        JsonNode current = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String segment = path.get(i);
            JsonNode next = child(current, segment);
            if (next == null) {
                boolean list = isDecimal(path.get(i + 1));
                next = list ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                put(current, segment, next, path);
            }
            if (!next.isContainerNode()) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "cannot create " + path + ": "
                        + String.join("/", path.subList(0, i + 1)) + " is not a mapping or a list");
            }
            current = next;
        }
        put(current, path.get(path.size() - 1), value.deepCopy(), path);
    }

    private static List<List<String>> paths(JsonNode root) {
        List<List<String>> paths = new ArrayList<>();
        collect(root, List.of(), paths);
        return paths;
    }

    /** dpath's walk: a container's children first, then each child's own paths. */
    private static void collect(JsonNode node, List<String> location, List<List<String>> into) {
        if (!node.isContainerNode()) {
            return;
        }
        List<String> keys = keys(node);
        for (String key : keys) {
            into.add(append(location, key));
        }
        for (String key : keys) {
            collect(child(node, key), append(location, key), into);
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(keys::add);
        } else {
            for (int i = 0; i < node.size(); i++) {
                keys.add(String.valueOf(i));
            }
        }
        return keys;
    }

    private static List<String> append(List<String> location, String key) {
        List<String> path = new ArrayList<>(location);
        path.add(key);
        return List.copyOf(path);
    }

    private static List<Pattern> compile(List<String> glob) {
        int first = glob.indexOf(STAR_STAR);
        if (first >= 0 && glob.subList(first + 1, glob.size()).contains(STAR_STAR)) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR,
                    "The glob " + glob + " may contain only one '**' segment");
        }
        return glob.stream().map(DpathGlob::fnmatch).toList();
    }

    private static boolean matches(List<String> path, List<String> glob, List<Pattern> patterns) {
        List<Pattern> effective = patterns;
        int starStar = glob.indexOf(STAR_STAR);
        if (starStar >= 0) {
            effective = new ArrayList<>(patterns.subList(0, starStar));
            if (path.size() >= glob.size()) {
                for (int i = 0; i < path.size() - glob.size() + 1; i++) {
                    effective.add(fnmatch("*"));
                }
            }
            effective.addAll(patterns.subList(starStar + 1, patterns.size()));
        }
        if (effective.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!effective.get(i).matcher(path.get(i)).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code fnmatch.translate}: {@code *}, {@code ?}, {@code [seq]} and {@code [!seq]}. */
    private static Pattern fnmatch(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int end = i;
                if (end < glob.length() && glob.charAt(end) == '!') {
                    end++;
                }
                if (end < glob.length() && glob.charAt(end) == ']') {
                    end++;
                }
                while (end < glob.length() && glob.charAt(end) != ']') {
                    end++;
                }
                if (end >= glob.length()) {
                    regex.append("\\[");
                } else {
                    String set = glob.substring(i, end).replace("\\", "\\\\");
                    i = end + 1;
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    } else if (set.startsWith("^")) {
                        set = "\\" + set;
                    }
                    regex.append('[').append(set.replace("[", "\\[")).append(']');
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static boolean exists(JsonNode root, List<String> path) {
        return at(root, path) != null;
    }

    private static @Nullable JsonNode at(JsonNode root, List<String> path) {
        JsonNode current = root;
        for (String segment : path) {
            current = current == null ? null : child(current, segment);
        }
        return current;
    }

    private static @Nullable JsonNode child(JsonNode node, String segment) {
        if (node.isObject()) {
            return node.get(segment);
        }
        if (node.isArray() && isDecimal(segment)) {
            int index = Integer.parseInt(segment);
            return index < node.size() ? node.get(index) : null;
        }
        return null;
    }

    private static void write(JsonNode root, List<String> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        if (parent != null) {
            put(parent, path.get(path.size() - 1), value, path);
        }
    }

    private static void put(JsonNode container, String segment, JsonNode value, List<String> path) {
        if (container.isObject()) {
            ((ObjectNode) container).set(segment, value);
            return;
        }
        if (!container.isArray() || !isDecimal(segment)) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "cannot write " + path + ": '" + segment
                    + "' is not an index of a list");
        }
        ArrayNode array = (ArrayNode) container;
        int index = Integer.parseInt(segment);
        while (array.size() <= index) {
            array.addNull();
        }
        array.set(index, value);
    }

    private static boolean isDecimal(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return false;
        }
        for (Iterator<Integer> digits = segment.chars().iterator(); digits.hasNext(); ) {
            if (!Character.isDigit(digits.next())) {
                return false;
            }
        }
        return true;
    }
}

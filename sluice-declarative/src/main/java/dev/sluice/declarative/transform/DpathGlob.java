package dev.sluice.declarative.transform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A path glob as the reference's {@code dpath} library reads it: one shell pattern per segment
 * ({@code fnmatchcase}: {@code *}, {@code ?}, {@code [seq]}), a segment {@code **} standing for zero or more
 * segments (one per glob), and list indexes matched by number ({@code "0"}, {@code "-1"}) or by pattern
 * ({@code "*"}). {@link #search} visits values in dpath's walk order (the children of a node, then each child's
 * subtree), which decides what "first match" means and in which order matches are deleted.
 *
 * <p>Unlike dpath, an empty key is an ordinary key (dpath refuses to walk a document holding one).
 */
public final class DpathGlob {

    /** One step of a path: an object key, or a list index with the list's size at the time it was walked. */
    public record Step(@Nullable String key, int index, int size) {

        static Step key(String key) {
            return new Step(key, -1, 0);
        }

        static Step index(int index, int size) {
            return new Step(null, index, size);
        }

        public boolean isIndex() {
            return key == null;
        }

        @Override
        public String toString() {
            return key != null ? key : Integer.toString(index);
        }
    }

    /** A value the glob matched, with where it was found. */
    public record Match(List<Step> path, JsonNode value) {

        public Match {
            path = List.copyOf(path);
        }
    }

    private static final Segment STAR = new Segment("*", null, null);

    private final List<Segment> segments;
    private final int doubleStar;
    private final boolean literal;

    private DpathGlob(List<Segment> segments, int doubleStar) {
        this.segments = segments;
        this.doubleStar = doubleStar;
        this.literal = doubleStar < 0 && segments.stream().allMatch(segment -> segment.pattern() == null);
    }

    /** @throws IllegalArgumentException when {@code **} appears more than once, as dpath refuses */
    public static DpathGlob of(List<String> glob) {
        List<Segment> compiled = new ArrayList<>(glob.size());
        int doubleStar = -1;
        for (int i = 0; i < glob.size(); i++) {
            String text = glob.get(i);
            if (text.equals("**")) {
                if (doubleStar >= 0) {
                    throw new IllegalArgumentException("Invalid glob. Only one '**' is permitted per glob: " + glob);
                }
                doubleStar = i;
            }
            compiled.add(Segment.of(text));
        }
        return new DpathGlob(List.copyOf(compiled), doubleStar);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** Every value under {@code root} whose path matches (containers included), in walk order. */
    public List<Match> search(JsonNode root) {
        List<Match> out = new ArrayList<>();
        if (literal) {
            // Without wildcards at most one path matches: follow it instead of walking the document.
            Match match = follow(root);
            if (match != null) {
                out.add(match);
            }
            return out;
        }
        walk(root, new ArrayList<>(), out, Integer.MAX_VALUE);
        return out;
    }

    private @Nullable Match follow(JsonNode root) {
        if (segments.isEmpty()) {
            return null;
        }
        List<Step> path = new ArrayList<>(segments.size());
        JsonNode node = root;
        for (Segment segment : segments) {
            Step step;
            if (node.isObject()) {
                step = Step.key(segment.text());
            } else if (node.isArray() && segment.number() != null) {
                long index = segment.number() < 0 ? node.size() + segment.number() : segment.number();
                if (index < 0 || index >= node.size()) {
                    return null;
                }
                step = Step.index((int) index, node.size());
            } else {
                return null;
            }
            JsonNode next = RecordCopy.child(node, step);
            if (next == null) {
                return null;
            }
            path.add(step);
            node = next;
        }
        return new Match(path, node);
    }

    /** The first match in walk order, or null. */
    public @Nullable Match first(JsonNode root) {
        if (literal) {
            return follow(root);
        }
        List<Match> out = new ArrayList<>(1);
        walk(root, new ArrayList<>(), out, 1);
        return out.isEmpty() ? null : out.get(0);
    }

    private void walk(JsonNode node, List<Step> path, List<Match> out, int limit) {
        if (!node.isContainerNode() || out.size() >= limit) {
            return;
        }
        // dpath yields every child of a node before it descends into any of them.
        forEachChild(node, (step, child) -> {
            path.add(step);
            if (out.size() < limit && matches(path)) {
                out.add(new Match(path, child));
            }
            path.remove(path.size() - 1);
        });
        forEachChild(node, (step, child) -> {
            path.add(step);
            if (mayExtend(path)) {
                walk(child, path, out, limit);
            }
            path.remove(path.size() - 1);
        });
    }

    private interface ChildVisitor {
        void visit(Step step, JsonNode child);
    }

    private static void forEachChild(JsonNode node, ChildVisitor visitor) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                visitor.visit(Step.key(field.getKey()), field.getValue());
            }
        } else {
            int size = node.size();
            for (int i = 0; i < size; i++) {
                visitor.visit(Step.index(i, size), node.get(i));
            }
        }
    }

    /** Whether a longer path starting with {@code prefix} could still match. */
    private boolean mayExtend(List<Step> prefix) {
        int fixed = doubleStar >= 0 ? doubleStar : segments.size();
        if (doubleStar < 0 && prefix.size() >= segments.size()) {
            return false;
        }
        for (int i = 0; i < Math.min(fixed, prefix.size()); i++) {
            if (!segments.get(i).matches(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** dpath's {@code match}: {@code **} widens to as many {@code *} as the path needs, or to none. */
    public boolean matches(List<Step> path) {
        List<Segment> glob = segments;
        if (doubleStar >= 0) {
            int extra = path.size() - segments.size();
            if (extra < -1) {
                return false;
            }
            glob = new ArrayList<>(path.size());
            glob.addAll(segments.subList(0, doubleStar));
            for (int i = 0; i <= extra; i++) {
                glob.add(STAR);
            }
            glob.addAll(segments.subList(doubleStar + 1, segments.size()));
        }
        if (glob.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!glob.get(i).matches(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * One glob segment: its text, the compiled pattern when it has wildcards, and its value when Python's
     * {@code int()} accepts it (which is how list indexes are compared).
     */
    private record Segment(String text, @Nullable Pattern pattern, @Nullable Long number) {

        static Segment of(String text) {
            boolean wild = text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
            return new Segment(text, wild ? Pattern.compile(Fnmatch.translate(text), Pattern.DOTALL) : null,
                    PythonInt.parse(text));
        }

        boolean matches(Step step) {
            if (this == STAR) {
                return true;
            }
            if (step.isIndex()) {
                if (number != null) {
                    // Python list semantics: -1 is the last element of the list as it was walked.
                    return number == step.index() || step.size() + number == step.index();
                }
                return matchesText(Integer.toString(step.index()));
            }
            return matchesText(step.key());
        }

        private boolean matchesText(String value) {
            return pattern == null ? text.equals(value) : pattern.matcher(value).matches();
        }
    }
}

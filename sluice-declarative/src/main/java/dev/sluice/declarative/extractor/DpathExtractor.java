package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.transform.DpathGlob;
import dev.sluice.source.RecordException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a fixed path into each decoded document; see {@link DpathExtractorSpec}. As in the reference, the path
 * is a dpath glob: with a {@code *} segment every match is a record (or a list of records), otherwise the path
 * must match at most one value.
 */
public final class DpathExtractor implements RecordExtractor {

    private static final Logger log = LoggerFactory.getLogger(DpathExtractor.class);

    private final List<String> path;
    private final DpathGlob glob;
    private final boolean allMatches;
    private final @Nullable RecordExpander expander;

    public DpathExtractor(List<String> path) {
        this(path, null);
    }

    DpathExtractor(List<String> path, @Nullable RecordExpander expander) {
        this.path = List.copyOf(path);
        this.glob = DpathGlob.of(path);
        this.allMatches = path.contains("*");
        this.expander = expander;
    }

    public List<String> path() {
        return path;
    }

    /** The path, when it is a non-empty path of literal keys with no record expander. */
    @Override
    public Optional<List<String>> streamablePath() {
        return isPlainPath() ? Optional.of(path) : Optional.empty();
    }

    /** A non-empty path of literal keys, with no record expander: what a streaming reader can follow. */
    private boolean isPlainPath() {
        if (path.isEmpty() || expander != null) {
            return false;
        }
        for (String key : path) {
            if (key.isEmpty() || key.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == ']' || c == '!')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void extract(JsonNode document, Consumer<ObjectNode> records) {
        if (path.isEmpty()) {
            emit(document, records);
        } else if (allMatches) {
            for (DpathGlob.Match match : glob.search(document)) {
                emit(match.value(), records);
            }
        } else {
            List<DpathGlob.Match> matches = glob.search(document);
            if (matches.size() > 1) {
                throw new RecordException("field_path " + path + " matches " + matches.size()
                        + " values of the response; a path without '*' must match one");
            }
            if (!matches.isEmpty()) {
                emit(matches.get(0).value(), records);
            }
        }
    }

    /** A list yields its elements, a non-empty object itself; anything falsy yields nothing. */
    private void emit(JsonNode node, Consumer<ObjectNode> records) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                expand(element, records);
            }
        } else if (!node.isContainerNode() || !node.isEmpty()) {
            expand(node, records);
        }
    }

    private void expand(JsonNode record, Consumer<ObjectNode> records) {
        if (expander != null && record.isObject()) {
            expander.expand((ObjectNode) record, element -> accept(element, records));
        } else {
            accept(record, records);
        }
    }

    static void accept(JsonNode record, Consumer<ObjectNode> records) {
        if (record.isObject()) {
            records.accept((ObjectNode) record);
        } else if (!record.isNull() && !(record.isTextual() && record.textValue().isEmpty())) {
            // The reference passes such values on as records, which no destination can store.
            log.warn("Skipping a {} where a record (an object) was expected", record.getNodeType());
        }
    }
}

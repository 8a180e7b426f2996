package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.decoder.StreamingJson;
import dev.sluice.declarative.transform.DpathGlob;
import dev.sluice.source.RecordException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Walks a fixed path into each decoded document; see {@link DpathExtractorSpec}. As in the reference, the path
 * is a dpath glob: with a {@code *} segment every match is one record, otherwise the path must match at most one
 * value, whose elements are the records when it is a list. A record that is not an object fails the stream.
 */
public final class DpathExtractor implements RecordExtractor {

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
            // dpath.values gives the list of matches, and each match is one record, a list included
            // (extractors/dpath_extractor.py yields from that list without looking into its elements).
            for (DpathGlob.Match match : glob.search(document)) {
                expand(match.value(), records);
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

    /** A list yields its elements, anything else itself when Python finds it true. */
    private void emit(JsonNode node, Consumer<ObjectNode> records) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                expand(element, records);
            }
        } else if (isTrue(node)) {
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

    /**
     * A record must be an object. The reference passes any other value on as a record and then fails the stream
     * writing it (sources/utils/record_helper.py, {@code stream_data_to_airbyte_message}: "Unexpected type for
     * data_or_message"); Sluice fails at once and names the path.
     */
    private void accept(JsonNode record, Consumer<ObjectNode> records) {
        if (!record.isObject()) {
            throw StreamingJson.notARecord(path, record);
        }
        records.accept((ObjectNode) record);
    }

    /** Python's truth of a JSON value: null, false, 0, "" and empty containers are false. */
    private static boolean isTrue(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue().signum() != 0;
        }
        if (node.isTextual()) {
            return !node.textValue().isEmpty();
        }
        return !node.isContainerNode() || !node.isEmpty();
    }
}

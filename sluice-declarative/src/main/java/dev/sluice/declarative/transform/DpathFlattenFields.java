package dev.sluice.declarative.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.protocol.Json;
import dev.sluice.source.RecordException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link DpathFlattenFieldsSpec}. */
final class DpathFlattenFields implements RecordTransformation {

    private final List<String> path;
    private final DpathGlob glob;
    private final boolean firstMatch;
    private final boolean deleteOrigin;
    private final boolean replaceRecord;
    private final String prefix;
    private final String suffix;

    DpathFlattenFields(List<String> path, boolean deleteOrigin, boolean replaceRecord, String prefix, String suffix) {
        this.path = List.copyOf(path);
        this.glob = DpathGlob.of(path);
        this.firstMatch = path.contains("*");
        this.deleteOrigin = deleteOrigin;
        this.replaceRecord = replaceRecord;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    @Override
    public ObjectNode apply(ObjectNode record, RecordContext context) {
        JsonNode found = extract(record);
        if (found == null || !found.isObject()) {
            return record;
        }
        ObjectNode lifted = renamed((ObjectNode) found);
        if (replaceRecord && !lifted.isEmpty()) {
            // An empty path names the record itself, which dpath empties before copying it back.
            if (found == record && lifted == found) {
                return Json.object();
            }
            return lifted == found ? RecordCopy.shallowCopy(lifted) : lifted;
        }
        Iterator<String> names = lifted.fieldNames();
        while (names.hasNext()) {
            if (record.has(names.next())) {
                return record;
            }
        }
        RecordCopy copy = new RecordCopy(record);
        if (deleteOrigin && !glob.isEmpty()) {
            for (DpathGlob.Match match : glob.search(record)) {
                if (copy.read(match.path()) != null) {
                    copy.delete(match.path());
                }
            }
        }
        if (lifted.isEmpty()) {
            return copy.result();
        }
        ObjectNode result = copy.writableRoot();
        result.setAll(lifted);
        return result;
    }

    /** dpath's {@code values(...)[0]} with a {@code *} in the path, else its {@code get} (which wants one match). */
    private @Nullable JsonNode extract(ObjectNode record) {
        if (glob.isEmpty()) {
            return record;
        }
        if (firstMatch) {
            DpathGlob.Match match = glob.first(record);
            return match == null ? null : match.value();
        }
        List<DpathGlob.Match> matches = glob.search(record);
        if (matches.size() > 1) {
            throw new RecordException("DpathFlattenFields: the path " + path + " matches " + matches.size()
                    + " values; use '*' to take the first");
        }
        return matches.isEmpty() ? null : matches.get(0).value();
    }

    private ObjectNode renamed(ObjectNode found) {
        if (prefix.isEmpty() && suffix.isEmpty()) {
            return found;
        }
        ObjectNode renamed = Json.object();
        Iterator<Map.Entry<String, JsonNode>> fields = found.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            renamed.set(prefix + field.getKey() + suffix, field.getValue());
        }
        return renamed;
    }
}

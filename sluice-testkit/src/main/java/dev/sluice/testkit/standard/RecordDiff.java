package dev.sluice.testkit.standard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the records of a resumed read differ from the records expected after its checkpoint. */
final class RecordDiff {

    private RecordDiff() {
    }

    /** Empty when {@code actual} holds the same records as {@code expected} (as a multiset); else what differs. */
    static Optional<String> between(List<? extends JsonNode> expected, List<? extends JsonNode> actual) {
        Map<JsonNode, Integer> remaining = new LinkedHashMap<>();
        expected.forEach(record -> remaining.merge(record, 1, Integer::sum));
        List<JsonNode> extra = new ArrayList<>();
        for (JsonNode record : actual) {
            Integer count = remaining.get(record);
            if (count == null) {
                extra.add(record);
            } else if (count == 1) {
                remaining.remove(record);
            } else {
                remaining.put(record, count - 1);
            }
        }
        List<JsonNode> missing = new ArrayList<>();
        remaining.forEach((record, count) -> {
            for (int i = 0; i < count; i++) {
                missing.add(record);
            }
        });
        if (missing.isEmpty() && extra.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder diff = new StringBuilder("expected the " + expected.size() + " records after it but got "
                + actual.size());
        if (!missing.isEmpty()) {
            diff.append("; lost ").append(missing.size()).append(", e.g. ").append(Messages.brief(missing.get(0)));
        }
        if (!extra.isEmpty()) {
            diff.append("; ").append(extra.size()).append(" not expected (duplicated or from before the "
                    + "checkpoint), e.g. ").append(Messages.brief(extra.get(0)));
        }
        return Optional.of(diff.toString());
    }
}

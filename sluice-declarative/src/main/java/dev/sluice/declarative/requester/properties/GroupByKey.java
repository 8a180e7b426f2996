package dev.sluice.declarative.requester.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.PythonText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link GroupByKeyMergeStrategySpec}: the merge key of a record is the value of each key field,
 * joined with {@code ","}. A record with a falsy value in any key field (missing, null, {@code ""}, 0, false,
 * empty list or mapping) has no key.
 *
 * <p>Unlike the reference, which can only join strings (an integer id fails with a TypeError), a value of any
 * type is written as Python's {@code str()} writes it: {@code 123}, {@code 1.5}, {@code True}, lists and
 * mappings as their Python repr. So the id {@code 123} and the id {@code "123"} are the same key.
 */
public final class GroupByKey {

    /** The strategy when {@code PropertyChunking} names none. */
    public static final GroupByKey ID = new GroupByKey(List.of("id"));

    private final List<String> keys;

    public GroupByKey(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    public @Nullable String groupKey(ObjectNode record) {
        List<String> values = new ArrayList<>(keys.size());
        for (String key : keys) {
            JsonNode value = record.get(key);
            if (!truthy(value)) {
                return null;
            }
            values.add(value.isTextual() ? value.textValue() : PythonText.str(value));
        }
        String joined = String.join(",", values);
        return joined.isEmpty() ? null : joined;
    }

    private static boolean truthy(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        return !value.isContainerNode() || !value.isEmpty();
    }
}
